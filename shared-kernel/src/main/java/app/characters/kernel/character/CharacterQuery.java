package app.characters.kernel.character;

import app.characters.kernel.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What may be asked of the character read model. {@code viewerId} is null for an anonymous reader. */
public sealed interface CharacterQuery {

    record FindCharacter(UUID characterId, UUID viewerId) implements CharacterQuery {
    }

    record ListMyCharacters(UUID ownerId, String name, CharacterClass characterClass, PageRequest page)
            implements CharacterQuery {
    }

    record ListPublicCharacters(String name, CharacterClass characterClass, Integer minLevel, PageRequest page)
            implements CharacterQuery {
    }

    record ListVersions(UUID characterId, UUID viewerId, PageRequest page) implements CharacterQuery {
    }

    record FindVersion(UUID characterId, UUID viewerId, long version) implements CharacterQuery {
    }

    /** The character as it was at a time: the last version at or before it. */
    record FindCharacterAsOf(UUID characterId, UUID viewerId, Instant asOf) implements CharacterQuery {
    }

    /** What changed from version {@code from} to version {@code to}. */
    record DiffVersions(UUID characterId, UUID viewerId, long from, long to) implements CharacterQuery {
    }

    /**
     * An RFC 6902 JSON Patch, as JSON text, that turns the state at {@code from} into the state at
     * {@code to}. The bookkeeping fields {@code version} and {@code updatedAt} are left out of the
     * comparison: they differ between any two versions and say nothing about the character.
     */
    record VersionDiff(long from, long to, String patch) {
    }

    /** A page of characters. */
    record CharacterPage(List<CharacterSheet> items, int page, int size, long total) {
    }

    /** A page of a character's history, newest first. */
    record VersionPage(List<VersionSummary> items, int page, int size, long total) {
    }

    /** One line of a character's history. */
    record VersionSummary(long version, String eventType, Instant occurredAt, UUID actorId, String summary) {
    }

    /** A character as it was at one version. */
    record VersionState(long version, String eventType, Instant occurredAt, CharacterSheet state) {
    }
}
