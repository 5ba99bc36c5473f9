package app.characters.query.character;

import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterSheet;
import app.characters.query.history.VersionRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The state of a character after any of its versions. A version row keeps the state only for versions 1, 17,
 * 33... ({@link #keepsState}): the states were most of what a change and a rebuild wrote. Any other version's
 * state is the nearest kept one before it with the character's events since folded over it, fifteen at most: the
 * fold, over the events, that made the state when the version was written, so the answer is the state that
 * would have been stored.
 */
@Component
class VersionStates {

    /** One version in this many keeps its state. */
    static final int EVERY = 16;

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final SheetJson json;

    VersionStates(JdbcTemplate jdbc, EventStore events, SheetJson json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    /** Whether the row of this version keeps the state after it. */
    static boolean keepsState(long version) {
        return version % EVERY == 1;
    }

    /** The state after the row's version. */
    CharacterSheet sheet(VersionRow row) {
        return row.getState() != null ? json.read(row.getState()) : folded(row.getCharacterId(), row.getVersion());
    }

    /** The state after the row's version, as the JSON a version row stores. */
    String json(VersionRow row) {
        return row.getState() != null ? row.getState()
                : new String(json.bytes(folded(row.getCharacterId(), row.getVersion())), StandardCharsets.UTF_8);
    }

    private CharacterSheet folded(UUID characterId, long version) {
        List<String> kept = jdbc.queryForList("""
                select state::text from character_version
                where character_id = ? and version < ? and state is not null order by version desc limit 1""",
                String.class, characterId, version);
        if (kept.isEmpty()) {
            throw new IllegalStateException("character " + characterId + " keeps no state before version " + version);
        }
        CharacterSheet sheet = json.read(kept.get(0));
        // version n is the state after the event of sequence number n - 1: the next one to fold is sheet.version()
        DomainEventStream stream = events.readEvents(characterId.toString(), sheet.version());
        while (sheet.version() < version && stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            sheet = sheet.apply((CharacterEvent) event.getPayload(), event.getTimestamp());
        }
        if (sheet.version() != version) {
            throw new IllegalStateException("character " + characterId + " has no events up to version " + version);
        }
        return sheet;
    }
}
