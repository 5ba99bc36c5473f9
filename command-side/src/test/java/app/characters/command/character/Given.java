package app.characters.command.character;

import app.characters.command.skill.InMemorySkillBook;
import app.characters.command.template.InMemoryTemplateBook;
import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Rarity;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** The character the gameplay fixtures start from, and the items it may carry. */
final class Given {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final Attributes ATTRIBUTES = new Attributes(16, 12, 14, 8, 10, 9);

    static final Item SWORD = item("Sword", ItemType.WEAPON, Map.of("strength", 2));
    static final Item AXE = item("Axe", ItemType.WEAPON, Map.of("strength", 4, "dexterity", -1));
    static final Item RING = item("Ring of Insight", ItemType.RING, Map.of("wisdom", 3));
    static final Item POTION = item("Potion", ItemType.CONSUMABLE, Map.of());

    private Given() {
    }

    static FixtureConfiguration<CharacterAggregate> fixture(SkillDefinition[] skills, TemplateSaved... templates) {
        FixtureConfiguration<CharacterAggregate> fixture = new AggregateTestFixture<>(CharacterAggregate.class);
        fixture.registerInjectableResource(new InMemorySkillBook(skills));
        fixture.registerInjectableResource(new InMemoryTemplateBook(templates));
        return fixture;
    }

    static CharacterCreated created() {
        return createdWith(ATTRIBUTES);
    }

    static CharacterCreated createdWith(Attributes attributes) {
        return new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF, CharacterClass.FIGHTER, attributes, null,
                List.of(), List.of());
    }

    static ItemAcquired acquired(Item item) {
        return new ItemAcquired(ID, item);
    }

    static Item item(String name, ItemType type, Map<String, Integer> modifiers) {
        return new Item(UUID.nameUUIDFromBytes(name.getBytes()), name, type, Rarity.UNCOMMON, 2.5, modifiers, false);
    }

    static Matcher<Object> sheet(Predicate<CharacterSheet> expected) {
        return Matchers.predicate(payload -> payload instanceof CharacterSheet s && expected.test(s));
    }
}
