package app.characters.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterReverted;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Rarity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.flipkart.zjsonpatch.JsonPatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VersionDifferTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final VersionDiffer differ = new VersionDiffer(JSON);

    @Test
    void aStateComparedWithItselfIsAnEmptyPatch() throws Exception {
        String state = json(created());

        assertThat(differ.diff(state, state)).isEqualTo("[]");
    }

    @Test
    void versionAndUpdatedAtAreLeftOutOfTheComparison() throws Exception {
        CharacterSheet v1 = created();
        CharacterSheet v2 = v1.apply(new CharacterRenamed(ID, "Gimli"), T0.plusSeconds(60));

        assertThat(v2.version()).isNotEqualTo(v1.version());
        assertThat(differ.diff(json(v1), json(v2))).isEqualTo("[]");
    }

    @Test
    void aRenameIsOneReplaceOfTheName() throws Exception {
        CharacterSheet v1 = created();
        CharacterSheet v2 = v1.apply(new CharacterRenamed(ID, "Gimli II"), T0.plusSeconds(60));

        assertThat(JSON.readTree(differ.diff(json(v1), json(v2))))
                .isEqualTo(JSON.readTree("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"Gimli II\"}]"));
    }

    @Test
    void thePatchTurnsEveryVersionIntoEveryOtherOne() throws Exception {
        List<CharacterSheet> states = story();
        for (CharacterSheet from : states) {
            for (CharacterSheet to : states) {
                JsonNode patch = JSON.readTree(differ.diff(json(from), json(to)));

                assertThat(JsonPatch.apply(patch, content(from)))
                        .as("diff from %d to %d: %s", from.version(), to.version(), patch)
                        .isEqualTo(content(to));
            }
        }
    }

    /** Items and skills added, dropped from the middle, changed in place and brought back by a revert. */
    private static List<CharacterSheet> story() {
        Item sword = item("Sword", ItemType.WEAPON, Map.of("strength", 2));
        Item axe = item("Axe", ItemType.WEAPON, Map.of("strength", 4));
        Item ring = item("Ring", ItemType.RING, Map.of("wisdom", 1, "charisma", -2));
        List<CharacterEvent> events = List.of(
                new ItemAcquired(ID, sword), new ItemAcquired(ID, axe), new ItemAcquired(ID, ring),
                new ItemEquipped(ID, sword.id(), ItemType.Slot.MAIN_HAND, null),
                new SkillLearned(ID, "sneak"), new SkillLearned(ID, "history"),
                new ItemEquipped(ID, axe.id(), ItemType.Slot.MAIN_HAND, sword.id()),
                new ItemDropped(ID, axe.id()),
                new SkillImproved(ID, "sneak", Proficiency.APPRENTICE),
                new ExperienceGained(ID, 1000, "trolls", 1000, 3),
                new ItemDropped(ID, sword.id()));
        List<CharacterSheet> states = new ArrayList<>(List.of(created()));
        for (CharacterEvent event : events) {
            states.add(next(states, event));
        }
        CharacterSheet seven = states.get(6);
        states.add(next(states, new CharacterReverted(ID, 7, seven.name(), seven.attributes(), seven.experience(),
                seven.level(), seven.visibility(), seven.equipment(), seven.skills())));
        return states;
    }

    private static CharacterSheet next(List<CharacterSheet> states, CharacterEvent event) {
        CharacterSheet last = states.get(states.size() - 1);
        return last.apply(event, last.updatedAt().plusSeconds(1));
    }

    private static CharacterSheet created() {
        return CharacterSheet.created(new CharacterCreated(ID, UUID.randomUUID(), "Gimli", Race.DWARF,
                CharacterClass.FIGHTER, Attributes.defaults(), null, List.of(), List.of()), T0);
    }

    private static Item item(String name, ItemType type, Map<String, Integer> modifiers) {
        return new Item(UUID.randomUUID(), name, type, Rarity.RARE, 2.5, modifiers, false);
    }

    private static String json(CharacterSheet sheet) throws Exception {
        return JSON.writeValueAsString(sheet);
    }

    private static JsonNode content(CharacterSheet sheet) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(json(sheet));
        node.remove(VersionDiffer.BOOKKEEPING);
        return node;
    }
}
