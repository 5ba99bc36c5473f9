package app.characters.kernel.character;

import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterReverted;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Random but valid character histories, as the aggregate would have produced them: every event
 * is one the current state allows. Deterministic for a seed.
 */
final class RandomHistories {

    private static final List<String> SKILLS = List.of("swordplay", "archery", "sneak", "history", "alchemy");
    private static final List<ItemType> TYPES = List.of(ItemType.values());

    private RandomHistories() {
    }

    /** The states of one history: index 0 holds version 1. */
    static List<CharacterSheet> states(long seed, int changes) {
        Random random = new Random(seed);
        UUID id = new UUID(seed, 1);
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        List<CharacterSheet> states = new ArrayList<>();
        states.add(CharacterSheet.created(new CharacterCreated(id, new UUID(seed, 2), "Hero " + seed, Race.ELF,
                CharacterClass.RANGER, attributes(random), null, List.of(), List.of()), at));
        for (int i = 0; i < changes; i++) {
            CharacterSheet current = states.get(states.size() - 1);
            at = at.plusMillis(1 + random.nextInt(5000));
            states.add(current.apply(nextEvent(random, current, states), at));
        }
        return states;
    }

    static CharacterEvent nextEvent(Random random, CharacterSheet sheet, List<CharacterSheet> earlier) {
        UUID id = sheet.id();
        while (true) {
            switch (random.nextInt(11)) {
                case 0:
                    return new CharacterRenamed(id, "Name " + random.nextInt(1000));
                case 1:
                    return new AttributesChanged(id, attributes(random));
                case 2: {
                    long amount = 1 + random.nextInt(3000);
                    long total = sheet.experience() + amount;
                    return new ExperienceGained(id, amount, "quest", total, Levels.levelFor(total));
                }
                case 3:
                    return new VisibilityChanged(id, sheet.publiclyVisible() ? Visibility.PRIVATE : Visibility.PUBLIC);
                case 4:
                    if (sheet.equipment().size() < Equipment.MAX_ITEMS) {
                        return new ItemAcquired(id, item(random));
                    }
                    break;
                case 5: {
                    List<Item> wearable = sheet.equipment().stream()
                            .filter(i -> !i.equipped() && i.type().slot().isPresent()).toList();
                    if (!wearable.isEmpty()) {
                        Item item = wearable.get(random.nextInt(wearable.size()));
                        ItemType.Slot slot = item.type().slot().orElseThrow();
                        return new ItemEquipped(id, item.id(), slot,
                                Equipment.inSlot(sheet.equipment(), slot).map(Item::id).orElse(null));
                    }
                    break;
                }
                case 6: {
                    List<Item> worn = sheet.equipment().stream().filter(Item::equipped).toList();
                    if (!worn.isEmpty()) {
                        return new ItemUnequipped(id, worn.get(random.nextInt(worn.size())).id());
                    }
                    break;
                }
                case 7:
                    if (!sheet.equipment().isEmpty()) {
                        return new ItemDropped(id, sheet.equipment().get(random.nextInt(sheet.equipment().size())).id());
                    }
                    break;
                case 8: {
                    List<String> unknown = SKILLS.stream().filter(s -> Skills.find(sheet.skills(), s).isEmpty()).toList();
                    if (!unknown.isEmpty()) {
                        return new SkillLearned(id, unknown.get(random.nextInt(unknown.size())));
                    }
                    break;
                }
                case 9: {
                    List<LearnedSkill> improvable = sheet.skills().stream()
                            .filter(s -> s.proficiency().next().isPresent()).toList();
                    if (!improvable.isEmpty()) {
                        LearnedSkill skill = improvable.get(random.nextInt(improvable.size()));
                        return new SkillImproved(id, skill.skillId(), skill.proficiency().next().orElseThrow());
                    }
                    break;
                }
                default: {
                    CharacterSheet target = earlier.get(random.nextInt(earlier.size()));
                    return new CharacterReverted(id, target.version(), target.name(), target.attributes(),
                            target.experience(), target.level(), target.visibility(), target.equipment(),
                            target.skills());
                }
            }
        }
    }

    private static Attributes attributes(Random random) {
        return new Attributes(1 + random.nextInt(30), 1 + random.nextInt(30), 1 + random.nextInt(30),
                1 + random.nextInt(30), 1 + random.nextInt(30), 1 + random.nextInt(30));
    }

    private static Item item(Random random) {
        Map<String, Integer> modifiers = new TreeMap<>();
        for (String attribute : Attributes.NAMES) {
            if (random.nextInt(3) == 0) {
                modifiers.put(attribute, random.nextInt(21) - 10);
            }
        }
        ItemType type = TYPES.get(random.nextInt(TYPES.size()));
        return new Item(new UUID(random.nextLong(), random.nextLong()), type.name().toLowerCase() + " " + random.nextInt(99),
                type, Rarity.values()[random.nextInt(Rarity.values().length)], random.nextInt(10_000) / 10.0,
                modifiers, false);
    }
}
