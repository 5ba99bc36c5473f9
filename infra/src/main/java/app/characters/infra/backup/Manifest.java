package app.characters.infra.backup;

import java.time.Instant;
import java.util.UUID;

/**
 * What a backup file says about itself, in its {@code manifest.json} entry. Every event with a global
 * index up to {@code throughGlobalIndex} is in this file or in the ones it follows; an incremental
 * backup holds the events after {@code afterGlobalIndex}, the {@code throughGlobalIndex} of the backup it follows.
 */
public record Manifest(String format, int formatVersion, UUID id, String applicationVersion, Instant createdAt,
                       Kind kind, Follows follows, long afterGlobalIndex, long throughGlobalIndex, long eventCount,
                       Long firstGlobalIndex, Long lastGlobalIndex, String eventsEntry, String eventsSha256,
                       long eventsBytes) {

    public static final String FORMAT = "character-service-backup";
    public static final int FORMAT_VERSION = 1;

    public enum Kind { FULL, INCREMENTAL }

    /** The backup an incremental one continues. */
    public record Follows(UUID id, String file, long throughGlobalIndex) {
    }
}
