package app.characters.infra.axon;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Random (version 4) UUIDs from a strong generator of each thread's own. {@link UUID#randomUUID()} draws every id
 * from one generator shared by the whole JVM, behind one lock, reading the kernel's random device: each request
 * makes several ids (its request id, and Axon's id for every command, event and query message), and under load the
 * request threads queue on that lock. Here each thread seeds a DRBG once and then draws without waiting on anyone.
 * Axon finds this class through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class RandomIds extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    /** A random UUID, as {@link UUID#randomUUID()} makes, without its shared lock. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    @Override
    public String generateIdentifier() {
        return uuid().toString();
    }
}
