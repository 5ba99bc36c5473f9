package app.characters.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.ServiceTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every list query of the read side is answered through an index. The read tables are filled with
 * enough rows (20,000 characters of 200 owners with their items, skills and versions) for the planner
 * to prefer an index over a sequential scan when one fits, ANALYZEd, and each query EXPLAINed, all in
 * one transaction that is rolled back so the other tests never see these rows. The plans are printed.
 */
class ReadTableIndexTest extends ServiceTest {

    private static final int CHARACTERS = 20_000;
    private static final int OWNERS = 200;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void everyListQueryOfTheReadTablesUsesAnIndex() {
        transactions.executeWithoutResult(status -> {
            fill();
            UUID owner = jdbc.queryForObject("select owner_id from character_summary where name = 'bulk 4242'", UUID.class);
            UUID character = jdbc.queryForObject("select id from character_summary where name = 'bulk 4242'", UUID.class);

            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("characters of an owner (GET /characters)", """
                    select * from character_summary where owner_id = '%s'
                    order by created_at desc, id limit 20""".formatted(owner));
            queries.put("public characters (GET /public/characters)", """
                    select * from character_summary where visibility = 'PUBLIC' and status = 'ACTIVE'
                    order by created_at desc, id limit 20""");
            queries.put("items of a character", """
                    select * from character_item where character_id = '%s' order by position""".formatted(character));
            queries.put("skills of a character", """
                    select * from character_skill where character_id = '%s'""".formatted(character));
            queries.put("versions of a character, a page (GET /characters/{id}/versions)", """
                    select * from character_version where character_id = '%s'
                    order by version desc limit 20""".formatted(character));

            for (Map.Entry<String, String> query : queries.entrySet()) {
                String plan = String.join("\n", jdbc.queryForList("explain " + query.getValue(), String.class));
                System.out.println("EXPLAIN " + query.getKey() + ":\n" + query.getValue() + "\n" + plan + "\n");

                assertThat(plan).as(query.getKey()).contains("Index").doesNotContain("Seq Scan");
            }
            status.setRollbackOnly();
        });
    }

    private void fill() {
        jdbc.update("""
                insert into character_summary (id, owner_id, name, race, character_class, level, experience,
                                               visibility, status, version, created_at, updated_at, state)
                select gen_random_uuid(),
                       ('00000000-0000-0000-0000-' || lpad(to_hex(g % ?), 12, '0'))::uuid,
                       'bulk ' || g, 'HUMAN', 'BARD', 1 + g % 20, g * 10,
                       case when g % 10 = 0 then 'PUBLIC' else 'PRIVATE' end,
                       case when g % 7 = 0 then 'RETIRED' else 'ACTIVE' end,
                       5, now() - g * interval '1 minute', now(), '{}'::json
                from generate_series(1, ?) g
                """, OWNERS, CHARACTERS);
        jdbc.update("""
                insert into character_item (id, character_id, name, type, rarity, weight, stat_modifiers, equipped, position)
                select gen_random_uuid(), c.id, 'item ' || i, 'RING', 'COMMON', 1, '{}'::jsonb, false, i
                from character_summary c, generate_series(0, 2) i where c.name like 'bulk %'
                """);
        jdbc.update("""
                insert into character_skill (character_id, skill_id, proficiency)
                select c.id, s, 'NOVICE' from character_summary c, unnest(array['sneak', 'history', 'alchemy']) s
                where c.name like 'bulk %'
                """);
        jdbc.update("""
                insert into character_version (character_id, version, event_type, occurred_at, actor_id, summary, state)
                select c.id, v, 'CharacterRenamed', c.created_at + v * interval '1 second', c.owner_id, 'renamed', '{}'::json
                from character_summary c, generate_series(1, 5) v where c.name like 'bulk %'
                """);
        jdbc.execute("analyze character_summary");
        jdbc.execute("analyze character_item");
        jdbc.execute("analyze character_skill");
        jdbc.execute("analyze character_version");
    }
}
