package app.characters.query.character;

import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterSheet;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versions of a character and the state after each. A version row keeps the state only for versions 1, 17,
 * 33... ({@link #keepsState}): the states were most of what a change and a rebuild wrote. Any other version's
 * state is the nearest kept one before it with the character's events since folded over it, fifteen at most: the
 * fold, over the events, that made the state when the version was written, so the answer is the state that
 * would have been stored. Every read is a plain JDBC statement in autocommit: versions and events never change.
 */
@Component
class VersionStates {

    /** One version in this many keeps its state. */
    static final int EVERY = 16;

    private static final String COLUMNS = "select version, event_type, occurred_at, state::text from character_version";

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final SheetJson json;

    VersionStates(JdbcTemplate jdbc, EventStore events, SheetJson json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    /** A version of a character: the event that made it, and the state after it if its row keeps it. */
    record Version(UUID characterId, long version, String eventType, Instant occurredAt, String storedState) {
    }

    /** Whether the row of this version keeps the state after it. */
    static boolean keepsState(long version) {
        return version % EVERY == 1;
    }

    Optional<Version> find(UUID characterId, long version) {
        return first(jdbc.query(COLUMNS + " where character_id = ? and version = ?",
                (rs, n) -> version(characterId, rs), characterId, version));
    }

    /**
     * The latest version made at or before {@code at}. Only the rows that keep their state have their time indexed:
     * the answer lies between the last of them made at or before the time and the first made after it, and is
     * looked for there through the primary key. A character's versions are stamped in the order they are made (its
     * changes run one at a time, on one node's clock); if a clock went back between two nodes, the answer is still
     * a version made at or before the time, the latest among the sixteen or so around it.
     */
    Optional<Version> lastAtOrBefore(UUID characterId, Instant at) {
        Timestamp time = Timestamp.from(at);
        return first(jdbc.query(COLUMNS + """
                         where character_id = ? and occurred_at <= ?
                          and version >= coalesce((select version from character_version
                                where character_id = ? and state is not null and occurred_at <= ?
                                order by occurred_at desc, version desc limit 1), 1)
                          and version < coalesce((select version from character_version
                                where character_id = ? and state is not null and occurred_at > ?
                                order by occurred_at, version limit 1), 9223372036854775807)
                        order by occurred_at desc, version desc limit 1""",
                (rs, n) -> version(characterId, rs), characterId, time, characterId, time, characterId, time));
    }

    /** The state after the version. */
    CharacterSheet sheet(Version version) {
        return version.storedState() != null ? json.read(version.storedState())
                : folded(version.characterId(), version.version());
    }

    /** The state after the version, as the JSON a version row stores. */
    String json(Version version) {
        return version.storedState() != null ? version.storedState()
                : new String(json.bytes(folded(version.characterId(), version.version())), StandardCharsets.UTF_8);
    }

    /**
     * Folds the events after the nearest kept state; from the character's first event when none is kept before the
     * version (rows written while a failed rebuild had emptied the table, or emptied again under a reader).
     */
    private CharacterSheet folded(UUID characterId, long version) {
        List<String> kept = jdbc.queryForList("""
                select state::text from character_version
                where character_id = ? and version < ? and state is not null order by version desc limit 1""",
                String.class, characterId, version);
        CharacterSheet sheet = kept.isEmpty() ? null : json.read(kept.get(0));
        // version n is the state after the event of sequence number n - 1: the next one to fold is sheet.version()
        DomainEventStream stream = events.readEvents(characterId.toString(), sheet == null ? 0 : sheet.version());
        while ((sheet == null || sheet.version() < version) && stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            long expected = sheet == null ? 0 : sheet.version();
            if (event.getSequenceNumber() != expected) { // a gap in the stream: version n is not event n - 1 here
                throw new IllegalStateException("character " + characterId + " has event " + event.getSequenceNumber()
                        + " where version " + (expected + 1) + " was folded from event " + expected);
            }
            CharacterEvent payload = (CharacterEvent) event.getPayload();
            sheet = sheet == null ? CharacterSheet.created((CharacterCreated) payload, event.getTimestamp())
                    : sheet.apply(payload, event.getTimestamp());
        }
        if (sheet == null || sheet.version() != version) {
            throw new IllegalStateException("character " + characterId + " has no events up to version " + version);
        }
        return sheet;
    }

    private static Version version(UUID characterId, ResultSet rs) throws SQLException {
        return new Version(characterId, rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
