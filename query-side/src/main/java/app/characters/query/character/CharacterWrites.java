package app.characters.query.character;

import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.LearnedSkill;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The character rows that one unit of work changes, kept in memory and written when it commits: one
 * batched statement a kind of row, whether the unit holds one event (a live change) or a thousand (a
 * rebuild, a streaming batch). A character changed several times in one unit is read once and its
 * summary written once; every version still gets its own row.
 */
final class CharacterWrites {

    /** A character as this unit of work knows it: its latest sheet and what of it has changed. */
    static final class Pending {
        private CharacterSheet sheet;
        /** The sheet's JSON, when its version row keeps it; else written for the summary at the flush. */
        private byte[] state;
        private final boolean stored;
        private boolean changed;
        private boolean itemsChanged;
        private boolean skillsChanged;

        private Pending(CharacterSheet sheet, boolean stored) {
            this.sheet = sheet;
            this.stored = stored;
        }

        CharacterSheet sheet() {
            return sheet;
        }

        long version() {
            return sheet.version();
        }
    }

    /** The columns in the order of the update's, so that a row meant for one can go to the other. */
    private static final String SUMMARY_INSERT = """
            insert into character_summary (owner_id, name, race, character_class, level, experience, visibility,
            status, version, created_at, updated_at, state, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?)""";

    /** Up to this many version rows go in one insert: the most changes a batch takes by default (app.command-batch.max). */
    private static final int FEW_VERSIONS = 64;

    private static final int[] VERSION_TYPES = {Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP, Types.OTHER,
            Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final SheetJson json;
    private final VersionLoad versionLoad;
    private final CommittedSheets committed;
    private final Map<UUID, Pending> characters = new LinkedHashMap<>();
    private final List<Version> versions = new ArrayList<>();

    private record Version(UUID characterId, long version, String eventType, Instant occurredAt, UUID actorId,
                           String summary, byte[] state) {
    }

    CharacterWrites(JdbcTemplate jdbc, SheetJson json) {
        this(jdbc, json, null, null);
    }

    /**
     * With a {@code versionLoad} (a rebuild's), the version rows go there rather than into this unit's transaction;
     * with {@code committed}, a character is taken from there when it holds the sheet an event folds over, and
     * the sheets written go there once their transaction commits.
     */
    CharacterWrites(JdbcTemplate jdbc, SheetJson json, VersionLoad versionLoad, CommittedSheets committed) {
        this.jdbc = jdbc;
        this.json = json;
        this.versionLoad = versionLoad;
        this.committed = committed;
    }

    /**
     * Reads the stored rows of the characters that a batch of events is about, in one query, so that a batch of a
     * thousand events about as many characters does not read them one round trip at a time.
     */
    void prefetch(Collection<UUID> ids) {
        List<UUID> unknown = ids.stream().filter(id -> !characters.containsKey(id)).distinct().toList();
        if (unknown.size() < 2) {
            return;
        }
        jdbc.query(con -> {
            PreparedStatement select = con.prepareStatement("select id, state::text from character_summary where id = any(?)");
            select.setArray(1, con.createArrayOf("uuid", unknown.toArray()));
            return select;
        }, rs -> {
            String state = rs.getString(2);
            characters.put(rs.getObject(1, UUID.class), new Pending(json.read(state), true));
        });
        unknown.forEach(id -> characters.putIfAbsent(id, null));
    }

    /**
     * The character as of the events this unit has seen so far; empty if it does not exist yet. {@code version} is
     * that of the event about to be folded.
     */
    Optional<Pending> find(UUID id, long version) {
        if (characters.containsKey(id)) {
            return Optional.ofNullable(characters.get(id)); // null: prefetched and not stored
        }
        CharacterSheet kept = committed == null ? null : committed.before(id, version);
        if (kept != null) {
            Pending pending = new Pending(kept, true);
            characters.put(id, pending);
            return Optional.of(pending);
        }
        List<String> stored = jdbc.queryForList("select state::text from character_summary where id = ?", String.class, id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Pending loaded = new Pending(json.read(stored.get(0)), true);
        characters.put(id, loaded);
        return Optional.of(loaded);
    }

    /**
     * Records the character's new state and the version row that it makes, which keeps the state only if its
     * version is one of those that keep theirs ({@link VersionStates#keepsState}); the summary's JSON is written
     * once, for the last of the unit's versions of the character.
     */
    void save(CharacterSheet sheet, String eventType, Instant occurredAt, UUID actorId, String summary,
              boolean itemsChanged, boolean skillsChanged) {
        byte[] state = VersionStates.keepsState(sheet.version()) ? json.bytes(sheet) : null;
        Pending pending = characters.get(sheet.id());
        if (pending == null) {
            pending = new Pending(sheet, false);
            characters.put(sheet.id(), pending);
        }
        pending.sheet = sheet;
        pending.state = state;
        pending.changed = true;
        pending.itemsChanged |= itemsChanged;
        pending.skillsChanged |= skillsChanged;
        versions.add(new Version(sheet.id(), sheet.version(), eventType, occurredAt, actorId, summary, state));
    }

    /** Writes everything recorded, then forgets it. */
    void flush() {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        List<Object[]> skills = new ArrayList<>();
        List<Object[]> replacedItems = new ArrayList<>();
        List<Object[]> replacedSkills = new ArrayList<>();
        List<CharacterSheet> written = new ArrayList<>();
        for (Pending pending : characters.values()) {
            if (pending == null || !pending.changed) {
                continue;
            }
            CharacterSheet s = pending.sheet;
            written.add(s);
            Object[] columns = {s.ownerId(), s.name(), s.race().name(), s.characterClass().name(), s.level(),
                    s.experience(), s.visibility().name(), s.status().name(), s.version(),
                    Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()),
                    text(pending.state == null ? json.bytes(s) : pending.state), s.id()};
            (pending.stored ? updates : inserts).add(columns);
            if (pending.itemsChanged) {
                if (pending.stored) {
                    replacedItems.add(new Object[] {s.id()});
                }
                List<Item> carried = s.equipment();
                for (int position = 0; position < carried.size(); position++) {
                    Item item = carried.get(position);
                    items.add(new Object[] {item.id(), s.id(), item.name(), item.type().name(), item.rarity().name(),
                            item.weight(), json.write(item.statModifiers()), item.equipped(), position});
                }
            }
            if (pending.skillsChanged) {
                if (pending.stored) {
                    replacedSkills.add(new Object[] {s.id()});
                }
                for (LearnedSkill skill : s.skills()) {
                    skills.add(new Object[] {s.id(), skill.skillId(), skill.proficiency().name()});
                }
            }
        }
        batch(SUMMARY_INSERT, inserts);
        int[] updated = batch("""
                update character_summary set owner_id = ?, name = ?, race = ?, character_class = ?, level = ?,
                experience = ?, visibility = ?, status = ?, version = ?, created_at = ?, updated_at = ?,
                state = ?::json where id = ?""", updates);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) { // a kept sheet whose row is gone (tables emptied by a rebuild that failed)
                missing.add(updates.get(i));
            }
        }
        batch(SUMMARY_INSERT, missing);
        batch("delete from character_item where character_id = ?", replacedItems);
        batch("""
                insert into character_item (id, character_id, name, type, rarity, weight, stat_modifiers, equipped,
                position) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""", items);
        batch("delete from character_skill where character_id = ?", replacedSkills);
        batch("insert into character_skill (character_id, skill_id, proficiency) values (?, ?, ?)", skills);
        writeVersions();
        if (committed != null) {
            committed.keepOnCommit(written);
        }
        characters.clear();
        versions.clear();
    }

    /**
     * The version rows: one insert for the few of live changes (a change alone, a batch of them), sent in one round
     * trip where COPY takes two; COPY for more (a streaming batch), which PostgreSQL loads several times faster than
     * even a multi-row insert; a rebuild's own COPY when there is one.
     */
    private void writeVersions() {
        if (versionLoad != null) {
            for (Version v : versions) {
                versionLoad.add(v.characterId(), v.version(), v.eventType(), v.occurredAt(), v.actorId(), v.summary(),
                        v.state());
            }
        } else if (versions.size() <= FEW_VERSIONS) {
            // typed: a null (most rows keep no state) would otherwise make the driver ask the server for its type
            jdbc.batchUpdate("""
                    insert into character_version (character_id, version, event_type, occurred_at, actor_id, summary, state)
                    values (?, ?, ?, ?, ?, ?, ?::json)""", versions.stream().map(v -> new Object[] {v.characterId(),
                    v.version(), v.eventType(), Timestamp.from(v.occurredAt()), v.actorId(), v.summary(), text(v.state())})
                    .toList(), VERSION_TYPES);
        } else {
            jdbc.execute((ConnectionCallback<Long>) connection -> {
                try (VersionCopy copy = new VersionCopy(connection, false)) {
                    for (Version v : versions) {
                        copy.add(v.characterId(), v.version(), v.eventType(), v.occurredAt(), v.actorId(), v.summary(),
                                v.state());
                    }
                    return copy.finish();
                }
            });
        }
    }

    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** Answers how many rows each statement touched. */
    private int[] batch(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            return new int[] {jdbc.update(sql, rows.get(0))};
        }
        return rows.isEmpty() ? new int[0] : jdbc.batchUpdate(sql, rows);
    }
}
