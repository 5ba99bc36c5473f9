package app.characters.infra.backup;

/** A backup or restore that cannot go on; the message says why in words an operator acts on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
