package app.characters.infra.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** The backups of one directory: listed oldest first, and pruned without breaking a chain of increments. */
public final class BackupDirectory {

    /** {@code BACKUP_DIR}, else {@code ./data/backups}. */
    public static Path configured(String backupDir) {
        return Path.of(backupDir == null || backupDir.isBlank() ? "./data/backups" : backupDir.strip());
    }

    private final Path directory;

    public BackupDirectory(Path directory) {
        this.directory = directory;
    }

    public Path path() {
        return directory;
    }

    /** One file of the directory and what its manifest claims, or why it cannot be read. */
    public record Entry(Path file, long bytes, Manifest manifest, String problem) {
    }

    /** The backup files, oldest first (their names begin with their creation time). */
    public List<Entry> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> BackupFormat.FILE_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                long bytes = Files.size(file);
                try {
                    entries.add(new Entry(file, bytes, BackupReader.manifest(file), null));
                } catch (BackupException e) {
                    entries.add(new Entry(file, bytes, null, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** A file named on the command line: as given, else by its name in this directory. */
    public Path resolve(String name) {
        Path given = Path.of(name);
        if (Files.exists(given) || given.isAbsolute() || given.getNameCount() > 1) {
            return given;
        }
        Path inDirectory = directory.resolve(name);
        return Files.exists(inDirectory) ? inDirectory : given;
    }

    /**
     * Keeps the newest {@code keep} backups and every backup one of them builds on, and deletes the
     * rest; files that cannot be read are left alone. Answers the deleted files.
     */
    public List<Path> prune(int keep) {
        if (keep < 1) {
            throw new BackupException("--keep must be at least 1");
        }
        List<Entry> readable = list().stream().filter(e -> e.manifest() != null).toList();
        Map<UUID, Entry> byId = new HashMap<>();
        readable.forEach(e -> byId.put(e.manifest().id(), e));
        Set<Path> kept = new LinkedHashSet<>();
        for (int i = Math.max(0, readable.size() - keep); i < readable.size(); i++) {
            Entry entry = readable.get(i);
            Set<UUID> seen = new HashSet<>();
            while (entry != null && seen.add(entry.manifest().id())) {
                kept.add(entry.file());
                Manifest.Follows follows = entry.manifest().follows();
                entry = follows == null ? null : byId.get(follows.id());
            }
        }
        List<Path> deleted = new ArrayList<>();
        for (Entry entry : readable) {
            if (!kept.contains(entry.file())) {
                try {
                    Files.delete(entry.file());
                    deleted.add(entry.file());
                } catch (IOException e) {
                    throw new BackupException("cannot delete " + entry.file() + ": " + e.getMessage(), e);
                }
            }
        }
        return deleted;
    }
}
