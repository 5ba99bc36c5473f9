package app.characters.query.character;

import app.characters.kernel.character.CharacterQuery.ListVersions;
import app.characters.kernel.character.CharacterQuery.VersionPage;
import app.characters.kernel.character.CharacterQuery.VersionSummary;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A page of a character's history, newest first, which the web layer asks here directly (as it asks
 * {@link CharacterAccess} for the current state). A character's versions are numbered 1 to its current version
 * without a gap, so the access check's read gives the total, and page {@code p} starts at version
 * {@code total - p * size}: one primary-key range read, as cheap on the last page of a 10,000-version history as on
 * the first, with no count and no state column read. A version written after the access check is on the next read's
 * pages, not on this one's.
 */
@Component
public class VersionPages {

    private static final String RANGE = """
            select version, event_type, occurred_at, actor_id, summary from character_version
            where character_id = ? and version <= ? order by version desc limit ?""";

    private final JdbcTemplate jdbc;
    private final CharacterAccess access;

    VersionPages(JdbcTemplate jdbc, CharacterAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The page the query names, if the viewer may read the character. */
    public VersionPage page(ListVersions query) {
        long total = access.readableVersion(query.characterId(), query.viewerId());
        long newest = total - query.page().offset();
        List<VersionSummary> items = newest < 1 ? List.of() : jdbc.query(RANGE,
                (rs, n) -> new VersionSummary(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, Timestamp.class).toInstant(), rs.getObject(4, UUID.class), rs.getString(5)),
                query.characterId(), newest, query.page().size());
        return new VersionPage(items, query.page().page(), query.page().size(), total);
    }
}
