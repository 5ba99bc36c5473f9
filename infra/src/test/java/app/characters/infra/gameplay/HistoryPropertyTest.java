package app.characters.infra.gameplay;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api;
import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random histories of valid changes over HTTP, each from its own seed so that a failure names the
 * history to replay. For every history: the diff between two versions, applied to the older state,
 * gives the newer one (bookkeeping aside), and after a revert to v nothing is left to diff against v.
 */
class HistoryPropertyTest extends ServiceTest {

    private static final int HISTORIES = 60;
    private static final long FIRST_SEED = 20261124;
    private static final List<String> ITEM_TYPES = List.of("WEAPON", "SHIELD", "ARMOR", "HELMET", "BOOTS", "GLOVES",
            "RING", "AMULET", "CLOAK", "CONSUMABLE", "TOOL", "MISC");
    private static final List<String> RARITIES = List.of("COMMON", "UNCOMMON", "RARE", "VERY_RARE", "LEGENDARY");
    private static final List<String> ATTRIBUTES = List.of("strength", "dexterity", "constitution", "intelligence",
            "wisdom", "charisma");
    /** Starter skills anyone may learn at level 1. */
    private static final List<String> FIRST_SKILLS = List.of("swordplay", "archery", "arcane-lore", "healing-word",
            "sneak", "pickpocket", "persuasion", "intimidation", "tracking", "foraging", "smithing", "alchemy",
            "history", "religion");
    private static final List<String> PROFICIENCIES = List.of("NOVICE", "APPRENTICE", "ADEPT", "EXPERT", "MASTER");

    @Test
    void diffsTurnAnyVersionIntoAnyOtherAndARevertLeavesNothingToDiff() {
        User owner = api.signUp();
        for (int history = 0; history < HISTORIES; history++) {
            long seed = FIRST_SEED + history;
            Random random = new Random(seed);
            UUID id = api.createCharacter(owner, "Hero " + seed).id();
            JsonNode current = api.get(path(id), owner.token()).body();
            int changes = 2 + random.nextInt(12);
            List<String> done = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                current = randomChange(random, owner, id, current, done);
            }
            long latest = current.path("version").asLong();
            assertThat(latest).as("seed %d: %s", seed, done).isEqualTo(1 + changes);

            Map<Long, JsonNode> states = new HashMap<>();
            for (long v = 1; v <= latest; v++) {
                states.put(v, api.get(path(id) + "/versions/" + v, owner.token()).body().path("state"));
            }
            for (long[] pair : pairs(random, latest)) {
                long from = pair[0];
                long to = pair[1];
                JsonNode patch = api.get(path(id) + "/versions/" + to + "/diff?from=" + from, owner.token()).body();
                assertThat(patch.isArray()).as("seed %d, diff %d -> %d: %s", seed, from, to, patch).isTrue();
                assertThat(JsonPatch.apply(patch, VersionHistoryApiTest.content(states.get(from))))
                        .as("seed %d, history %s, diff %d -> %d: %s", seed, done, from, to, patch)
                        .isEqualTo(VersionHistoryApiTest.content(states.get(to)));
            }

            long target = 1 + random.nextInt((int) latest);
            Answer reverted = api.post(path(id) + "/revert", owner.token(), Api.map("version", target));
            assertThat(reverted.status()).as("seed %d, revert to %d", seed, target).isEqualTo(200);
            assertThat(reverted.version()).isEqualTo(latest + 1);
            assertThat(VersionHistoryApiTest.content(reverted.body()))
                    .as("seed %d, history %s, revert to %d", seed, done, target)
                    .isEqualTo(VersionHistoryApiTest.content(states.get(target)));
            assertThat(api.get(path(id) + "/versions/" + (latest + 1) + "/diff?from=" + target, owner.token()).body()
                    .toString()).as("seed %d, history %s, revert to %d", seed, done, target).isEqualTo("[]");
        }
    }

    /** The first and last versions both ways, every step, and a few pairs at random. */
    private static List<long[]> pairs(Random random, long latest) {
        Map<String, long[]> pairs = new LinkedHashMap<>();
        pairs.put("1-" + latest, new long[] {1, latest});
        pairs.put(latest + "-1", new long[] {latest, 1});
        for (long v = 1; v < latest; v++) {
            pairs.put(v + "-" + (v + 1), new long[] {v, v + 1});
        }
        for (int i = 0; i < 4; i++) {
            long from = 1 + random.nextInt((int) latest);
            long to = 1 + random.nextInt((int) latest);
            pairs.put(from + "-" + to, new long[] {from, to});
        }
        return new ArrayList<>(pairs.values());
    }

    /** One change the character's current state allows, chosen at random; answers the state after it. */
    private JsonNode randomChange(Random random, User owner, UUID id, JsonNode sheet, List<String> done) {
        long version = sheet.path("version").asLong();
        JsonNode equipment = sheet.path("equipment");
        JsonNode skills = sheet.path("skills");
        while (true) {
            Answer answer = null;
            String what = null;
            switch (random.nextInt(11)) {
                case 0 -> {
                    what = "rename";
                    answer = api.put(path(id) + "/name", owner.token(), Api.map("name", "Name " + random.nextInt(1000)));
                }
                case 1 -> {
                    Map<String, Object> scores = new HashMap<>();
                    for (String attribute : ATTRIBUTES) {
                        if (random.nextBoolean()) {
                            scores.put(attribute, 1 + random.nextInt(30));
                        }
                    }
                    if (!scores.isEmpty()) {
                        what = "attributes " + scores;
                        answer = api.put(path(id) + "/attributes", owner.token(), scores);
                    }
                }
                case 2 -> {
                    what = "experience";
                    answer = api.post(path(id) + "/experience", owner.token(),
                            Api.map("amount", 1 + random.nextInt(4000), "reason", "adventure"));
                }
                case 3 -> {
                    String visibility = sheet.path("visibility").asText().equals("PUBLIC") ? "PRIVATE" : "PUBLIC";
                    what = "visibility " + visibility;
                    answer = api.put(path(id) + "/visibility", owner.token(), Api.map("visibility", visibility));
                }
                case 4 -> {
                    if (equipment.size() < 100) {
                        Map<String, Integer> modifiers = new HashMap<>();
                        for (String attribute : ATTRIBUTES) {
                            if (random.nextInt(3) == 0) {
                                modifiers.put(attribute, random.nextInt(21) - 10);
                            }
                        }
                        String type = ITEM_TYPES.get(random.nextInt(ITEM_TYPES.size()));
                        what = "acquire " + type;
                        answer = api.post(path(id) + "/equipment", owner.token(), Api.map("name",
                                type.toLowerCase() + " " + random.nextInt(100), "type", type,
                                "rarity", RARITIES.get(random.nextInt(RARITIES.size())),
                                "weight", random.nextInt(10_000) / 10.0, "statModifiers", modifiers));
                    }
                }
                case 5 -> {
                    List<JsonNode> wearable = new ArrayList<>();
                    equipment.forEach(item -> {
                        if (!item.path("equipped").asBoolean() && !List.of("CONSUMABLE", "TOOL", "MISC")
                                .contains(item.path("type").asText())) {
                            wearable.add(item);
                        }
                    });
                    if (!wearable.isEmpty()) {
                        JsonNode item = wearable.get(random.nextInt(wearable.size()));
                        what = "equip " + item.path("type").asText();
                        answer = api.raw("PUT", path(id) + "/equipment/" + item.path("id").asText() + "/equipped",
                                owner.token(), null, null);
                    }
                }
                case 6 -> {
                    List<JsonNode> worn = new ArrayList<>();
                    equipment.forEach(item -> {
                        if (item.path("equipped").asBoolean()) {
                            worn.add(item);
                        }
                    });
                    if (!worn.isEmpty()) {
                        what = "unequip";
                        answer = api.delete(path(id) + "/equipment/" + worn.get(random.nextInt(worn.size())).path("id")
                                .asText() + "/equipped", owner.token());
                    }
                }
                case 7 -> {
                    if (!equipment.isEmpty()) {
                        what = "drop";
                        answer = api.delete(path(id) + "/equipment/" + equipment.get(random.nextInt(equipment.size()))
                                .path("id").asText(), owner.token());
                    }
                }
                case 8 -> {
                    List<String> known = skills.findValuesAsText("skillId");
                    List<String> learnable = FIRST_SKILLS.stream().filter(s -> !known.contains(s)).toList();
                    if (!learnable.isEmpty()) {
                        String skill = learnable.get(random.nextInt(learnable.size()));
                        what = "learn " + skill;
                        answer = api.post(path(id) + "/skills", owner.token(), Api.map("skillId", skill));
                    }
                }
                case 9 -> {
                    List<JsonNode> improvable = new ArrayList<>();
                    skills.forEach(skill -> {
                        if (!skill.path("proficiency").asText().equals("MASTER")) {
                            improvable.add(skill);
                        }
                    });
                    if (!improvable.isEmpty()) {
                        JsonNode skill = improvable.get(random.nextInt(improvable.size()));
                        String next = PROFICIENCIES.get(PROFICIENCIES.indexOf(skill.path("proficiency").asText()) + 1);
                        what = "improve " + skill.path("skillId").asText() + " to " + next;
                        answer = api.put(path(id) + "/skills/" + skill.path("skillId").asText(), owner.token(),
                                Api.map("proficiency", next));
                    }
                }
                default -> {
                    long target = 1 + random.nextInt((int) version);
                    what = "revert to " + target;
                    answer = api.post(path(id) + "/revert", owner.token(), Api.map("version", target));
                }
            }
            if (answer != null) {
                done.add(what);
                assertThat(answer.status()).as("%s: %s", done, answer.body()).isBetween(200, 201);
                assertThat(answer.version()).as("%s", done).isEqualTo(version + 1);
                return answer.body();
            }
        }
    }
}
