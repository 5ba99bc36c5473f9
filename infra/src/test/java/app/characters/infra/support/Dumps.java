package app.characters.infra.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whole tables as ordered lists of rows in PostgreSQL's text form, to compare two databases row for row. */
public final class Dumps {

    private static final Map<String, String> ORDER = new LinkedHashMap<>();

    static {
        ORDER.put("domain_event_entry", "global_index");
        ORDER.put("account_claim", "kind, claimed_value");
        ORDER.put("user_account", "id");
        ORDER.put("skill", "id");
        ORDER.put("character_summary", "id");
        ORDER.put("character_item", "id");
        ORDER.put("character_skill", "character_id, skill_id");
        ORDER.put("character_version", "character_id, version");
        ORDER.put("character_template", "id");
    }

    /** The tables that follow from the events alone. */
    public static final List<String> READ_TABLES = List.of("user_account", "skill", "character_summary",
            "character_item", "character_skill", "character_version", "character_template");

    private Dumps() {
    }

    /** The events, the account claims and every read table. */
    public static Map<String, List<String>> all(JdbcTemplate jdbc) {
        return of(jdbc, List.copyOf(ORDER.keySet()));
    }

    public static Map<String, List<String>> of(JdbcTemplate jdbc, List<String> tables) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : tables) {
            dump.put(table, jdbc.queryForList("select t::text from " + table + " t order by " + ORDER.get(table),
                    String.class));
        }
        return dump;
    }

    /** How many rows each table has. */
    public static Map<String, Integer> counts(JdbcTemplate jdbc) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        all(jdbc).forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }
}
