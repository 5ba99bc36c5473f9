package app.characters.infra.seed;

import app.characters.infra.catalogue.StarterSkills;
import app.characters.infra.eventstore.StoredEvent;
import app.characters.kernel.account.AccountMessages.UserRegistered;
import app.characters.kernel.account.Role;
import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterEvent;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemDropped;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.ItemUnequipped;
import app.characters.kernel.character.CharacterEvent.SkillImproved;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.CharacterRules;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.Equipment;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Levels;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Rarity;
import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Skills;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The events of a seeded world, generated lazily, a user at a time: the starter skill catalogue,
 * then each user's registration and characters. Each character's history is built by folding its
 * own {@link CharacterSheet} and asking the game rules (levels, slots, prerequisites, proficiency
 * steps) before every event, so the aggregate accepts it on replay as if the commands had been sent.
 * Every id and time comes from one {@link Random} of the seed, never from the clock: the same seed
 * gives the same events.
 */
final class SeedGenerator implements Iterator<StoredEvent> {

    /** The seeded world's first event happens here; its events spread over about two years after it. */
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_MILLIS = Duration.ofDays(700).toMillis();
    /** About how many events a seeded character has (measured over large seeds), for progress and pacing. */
    static final int EVENTS_PER_CHARACTER = 35;

    private static final List<String> ATTRIBUTE_NAMES = Attributes.NAMES;
    private static final Map<CharacterClass, int[]> ABILITY_ORDER = new HashMap<>();
    private static final Map<CharacterClass, List<SkillCategory>> AFFINITY = new HashMap<>();
    private static final Race[] RACES = Race.values();
    private static final int[] RACE_WEIGHTS = new int[RACES.length];
    private static final ItemType[] ITEM_TYPES = ItemType.values();
    private static final int[] ITEM_WEIGHTS = new int[ITEM_TYPES.length];

    static {
        // indices into the six scores: 0 strength, 1 dexterity, 2 constitution, 3 intelligence, 4 wisdom, 5 charisma
        ABILITY_ORDER.put(CharacterClass.BARBARIAN, new int[] {0, 2, 1, 4, 5, 3});
        ABILITY_ORDER.put(CharacterClass.BARD, new int[] {5, 1, 2, 4, 3, 0});
        ABILITY_ORDER.put(CharacterClass.CLERIC, new int[] {4, 2, 0, 5, 3, 1});
        ABILITY_ORDER.put(CharacterClass.DRUID, new int[] {4, 2, 1, 3, 5, 0});
        ABILITY_ORDER.put(CharacterClass.FIGHTER, new int[] {0, 2, 1, 4, 5, 3});
        ABILITY_ORDER.put(CharacterClass.MONK, new int[] {1, 4, 2, 0, 3, 5});
        ABILITY_ORDER.put(CharacterClass.PALADIN, new int[] {0, 5, 2, 4, 1, 3});
        ABILITY_ORDER.put(CharacterClass.RANGER, new int[] {1, 4, 2, 0, 3, 5});
        ABILITY_ORDER.put(CharacterClass.ROGUE, new int[] {1, 3, 5, 2, 4, 0});
        ABILITY_ORDER.put(CharacterClass.SORCERER, new int[] {5, 2, 1, 4, 3, 0});
        ABILITY_ORDER.put(CharacterClass.WARLOCK, new int[] {5, 2, 1, 4, 3, 0});
        ABILITY_ORDER.put(CharacterClass.WIZARD, new int[] {3, 2, 1, 4, 5, 0});
        AFFINITY.put(CharacterClass.BARBARIAN, List.of(SkillCategory.COMBAT, SkillCategory.SURVIVAL));
        AFFINITY.put(CharacterClass.BARD, List.of(SkillCategory.SOCIAL, SkillCategory.KNOWLEDGE, SkillCategory.MAGIC));
        AFFINITY.put(CharacterClass.CLERIC, List.of(SkillCategory.MAGIC, SkillCategory.KNOWLEDGE));
        AFFINITY.put(CharacterClass.DRUID, List.of(SkillCategory.MAGIC, SkillCategory.SURVIVAL));
        AFFINITY.put(CharacterClass.FIGHTER, List.of(SkillCategory.COMBAT, SkillCategory.CRAFTING));
        AFFINITY.put(CharacterClass.MONK, List.of(SkillCategory.COMBAT, SkillCategory.STEALTH));
        AFFINITY.put(CharacterClass.PALADIN, List.of(SkillCategory.COMBAT, SkillCategory.SOCIAL, SkillCategory.MAGIC));
        AFFINITY.put(CharacterClass.RANGER, List.of(SkillCategory.SURVIVAL, SkillCategory.COMBAT, SkillCategory.STEALTH));
        AFFINITY.put(CharacterClass.ROGUE, List.of(SkillCategory.STEALTH, SkillCategory.SOCIAL));
        AFFINITY.put(CharacterClass.SORCERER, List.of(SkillCategory.MAGIC, SkillCategory.SOCIAL));
        AFFINITY.put(CharacterClass.WARLOCK, List.of(SkillCategory.MAGIC, SkillCategory.KNOWLEDGE));
        AFFINITY.put(CharacterClass.WIZARD, List.of(SkillCategory.MAGIC, SkillCategory.KNOWLEDGE, SkillCategory.CRAFTING));
        Map<Race, Integer> races = Map.of(Race.HUMAN, 25, Race.ELF, 14, Race.DWARF, 14, Race.HALFLING, 10, Race.GNOME, 6,
                Race.HALF_ELF, 10, Race.HALF_ORC, 8, Race.TIEFLING, 7, Race.DRAGONBORN, 6);
        for (int i = 0; i < RACES.length; i++) {
            RACE_WEIGHTS[i] = races.getOrDefault(RACES[i], 5);
        }
        Map<ItemType, Integer> items = Map.ofEntries(Map.entry(ItemType.WEAPON, 14), Map.entry(ItemType.SHIELD, 5),
                Map.entry(ItemType.ARMOR, 8), Map.entry(ItemType.HELMET, 5), Map.entry(ItemType.BOOTS, 5),
                Map.entry(ItemType.GLOVES, 5), Map.entry(ItemType.RING, 6), Map.entry(ItemType.AMULET, 4),
                Map.entry(ItemType.CLOAK, 4), Map.entry(ItemType.CONSUMABLE, 25), Map.entry(ItemType.TOOL, 10),
                Map.entry(ItemType.MISC, 9));
        for (int i = 0; i < ITEM_TYPES.length; i++) {
            ITEM_WEIGHTS[i] = items.getOrDefault(ITEM_TYPES[i], 5);
        }
    }

    private final Random random;
    private final SeedNames names;
    private final Serializer serializer;
    private final int users;
    private final int charactersPerUser;
    private final String passwordHash;
    private final String tag;
    private final long meanStepMillis;
    private final ArrayDeque<StoredEvent> pending = new ArrayDeque<>();
    private final ArrayDeque<TemplateSaved> publicTemplates = new ArrayDeque<>();
    private long now = START.toEpochMilli();
    private int nextUser = -1;
    private long characters;

    SeedGenerator(long seed, int users, int charactersPerUser, String passwordHash, Serializer serializer) {
        this.random = new Random(seed);
        this.names = new SeedNames(random, seed);
        this.serializer = serializer;
        this.users = users;
        this.charactersPerUser = charactersPerUser;
        this.passwordHash = passwordHash;
        this.tag = pad(Long.toString(Math.floorMod(new Random(~seed).nextLong(), 36L * 36 * 36), 36), 3);
        long expected = StarterSkills.SKILLS.size() + expectedEvents(users, charactersPerUser);
        this.meanStepMillis = Math.max(1, Math.min(90_000, SPAN_MILLIS / Math.max(1, expected)));
    }

    static long expectedEvents(int users, int charactersPerUser) {
        return (long) users * (1 + (long) charactersPerUser * EVENTS_PER_CHARACTER);
    }

    long characters() {
        return characters;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && nextUser < users) {
            if (nextUser < 0) {
                catalogue();
            } else {
                account(nextUser);
            }
            nextUser++;
        }
        return !pending.isEmpty();
    }

    @Override
    public StoredEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }

    /** The starter catalogue; where the store has a skill already, its import skips this one. */
    private void catalogue() {
        for (SkillDefinition skill : StarterSkills.SKILLS) {
            emit("SkillAggregate", skill.id(), 0, new SkillDefined(skill.id(), skill), null);
        }
    }

    private void account(int index) {
        UUID userId = uuid();
        String username = names.username(tag + Integer.toString(index, 36));
        emit("AccountAggregate", userId.toString(), 0,
                new UserRegistered(userId, username, names.email(username), passwordHash, Role.USER), null);
        List<TemplateSaved> own = new ArrayList<>();
        for (int c = 0; c < charactersPerUser; c++) {
            character(userId, own);
        }
    }

    private void character(UUID owner, List<TemplateSaved> own) {
        characters++;
        Life life = new Life(uuid(), owner);
        TemplateSaved template = null;
        if (random.nextInt(100) < 12) {
            if (!own.isEmpty() && random.nextBoolean()) {
                template = names.pick(own);
            } else if (!publicTemplates.isEmpty()) {
                template = names.pick(new ArrayList<>(publicTemplates));
            }
        }
        life.apply(template == null ? fresh(life.id, owner) : fromTemplate(life.id, owner, template));
        if (random.nextInt(100) < 35) {
            life.apply(new VisibilityChanged(life.id, Visibility.PUBLIC));
        }
        int actions = 3 + (int) Math.min(250, -Math.log(1 - random.nextDouble()) * 28);
        for (int i = 0; i < actions; i++) {
            act(life);
        }
        int templateChance = life.sheet.publiclyVisible() ? 15 : 4;
        if (random.nextInt(100) < templateChance) {
            saveTemplate(life, own);
        }
        if (random.nextInt(100) < 4) {
            life.apply(new CharacterRetired(life.id));
        }
    }

    private CharacterCreated fresh(UUID id, UUID owner) {
        CharacterClass characterClass = names.pick(Arrays.asList(CharacterClass.values()));
        Race race = RACES[weighted(RACE_WEIGHTS)];
        return new CharacterCreated(id, owner, CharacterRules.name(names.characterName()), race, characterClass,
                rollAttributes(characterClass, race), null, List.of(), List.of());
    }

    /** As the aggregate makes it: the template's build, its items new and unequipped. */
    private CharacterCreated fromTemplate(UUID id, UUID owner, TemplateSaved template) {
        List<Item> items = template.equipment().stream()
                .map(i -> new Item(uuid(), i.name(), i.type(), i.rarity(), i.weight(), i.statModifiers(), false))
                .toList();
        return new CharacterCreated(id, owner, CharacterRules.name(names.characterName()), template.race(),
                template.characterClass(), template.attributes(), template.templateId(), items, template.skills());
    }

    /** Four six-sided dice, the lowest dropped, placed by what the class needs, plus the race's bonuses. */
    private Attributes rollAttributes(CharacterClass characterClass, Race race) {
        int[] rolls = new int[6];
        for (int i = 0; i < 6; i++) {
            int[] dice = {d6(), d6(), d6(), d6()};
            Arrays.sort(dice);
            rolls[i] = dice[1] + dice[2] + dice[3];
        }
        Arrays.sort(rolls);
        int[] scores = new int[6];
        int[] order = ABILITY_ORDER.get(characterClass);
        for (int rank = 0; rank < 6; rank++) {
            scores[order[rank]] = rolls[5 - rank];
        }
        switch (race) {
            case HUMAN -> { for (int i = 0; i < 6; i++) { scores[i]++; } }
            case ELF, HALFLING -> scores[1] += 2;
            case DWARF -> scores[2] += 2;
            case GNOME -> scores[3] += 2;
            case HALF_ELF -> { scores[5] += 2; scores[order[1]]++; }
            case HALF_ORC -> { scores[0] += 2; scores[2]++; }
            case TIEFLING -> { scores[5] += 2; scores[3]++; }
            case DRAGONBORN -> { scores[0] += 2; scores[5]++; }
            default -> scores[order[0]]++;
        }
        return attributes(scores);
    }

    private void act(Life life) {
        int roll = random.nextInt(100);
        boolean done;
        if (roll < 45) {
            done = gainExperience(life);
        } else if (roll < 60) {
            done = acquireItem(life);
        } else if (roll < 72) {
            done = learnSkill(life);
        } else if (roll < 82) {
            done = improveSkill(life);
        } else if (roll < 86) {
            done = changeEquipment(life);
        } else if (roll < 90) {
            done = dropItem(life);
        } else if (roll < 92) {
            life.apply(new CharacterRenamed(life.id, CharacterRules.name(names.characterName())));
            done = true;
        } else if (roll < 95) {
            life.apply(new VisibilityChanged(life.id, life.sheet.publiclyVisible() ? Visibility.PRIVATE : Visibility.PUBLIC));
            done = true;
        } else {
            done = train(life);
        }
        if (!done) {
            gainExperience(life);
        }
    }

    private boolean gainExperience(Life life) {
        CharacterSheet sheet = life.sheet;
        int level = sheet.level();
        long amount = level < Levels.MAX_LEVEL
                ? Math.max(25, (long) ((Levels.thresholdOf(level + 1) - Levels.thresholdOf(level)) * (0.15 + 0.45 * random.nextDouble())))
                : 1_000 + random.nextInt(20_000);
        String reason = names.experienceReason();
        CharacterRules.requireValidExperience(amount, reason);
        long total = Math.addExact(sheet.experience(), amount);
        int newLevel = Levels.levelFor(total);
        life.apply(new ExperienceGained(life.id, amount, reason, total, newLevel));
        for (int reached = level + 1; reached <= newLevel; reached++) {
            if (reached == 4 || reached == 8 || reached == 12 || reached == 16 || reached == 19) {
                improveAbility(life);
            }
        }
        return true;
    }

    /** The ability score improvement of a level: two points to what the class needs most, up to 20. */
    private void improveAbility(Life life) {
        int[] scores = life.sheet.attributes().values();
        int[] order = ABILITY_ORDER.get(life.sheet.characterClass());
        int first = order[0];
        int second = scores[first] >= 19 ? order[1] : first;
        if (scores[first] >= 20 && scores[second] >= 20) {
            return;
        }
        scores[first] = Math.min(20, scores[first] + 1);
        scores[second] = Math.min(20, scores[second] + 1);
        changeAttributes(life, scores);
    }

    /** Training or a curse: one score moves by one. */
    private boolean train(Life life) {
        int[] scores = life.sheet.attributes().values();
        int which = random.nextInt(6);
        int step = random.nextInt(4) == 0 ? -1 : 1;
        if (scores[which] + step < Attributes.MIN || scores[which] + step > Attributes.MAX) {
            return false;
        }
        scores[which] += step;
        changeAttributes(life, scores);
        return true;
    }

    private void changeAttributes(Life life, int[] scores) {
        Attributes changed = attributes(scores);
        CharacterRules.requireValid(changed);
        if (!changed.equals(life.sheet.attributes())) {
            life.apply(new AttributesChanged(life.id, changed));
        }
    }

    private boolean acquireItem(Life life) {
        if (life.sheet.equipment().size() >= Equipment.MAX_ITEMS) {
            return false;
        }
        ItemType type = ITEM_TYPES[weighted(ITEM_WEIGHTS)];
        Rarity rarity = rarity(life.sheet.level());
        Map<String, Integer> modifiers = modifiers(type, rarity);
        if (Equipment.checkModifiers(modifiers).isPresent()) {
            throw new IllegalStateException("the seed made an item the rules refuse: " + modifiers);
        }
        Item item = new Item(uuid(), names.itemName(type, rarity), type, rarity, weight(type), modifiers, false);
        life.apply(new ItemAcquired(life.id, item));
        Optional<ItemType.Slot> slot = type.slot();
        if (slot.isPresent()) {
            Optional<Item> worn = Equipment.inSlot(life.sheet.equipment(), slot.get());
            boolean better = worn.isEmpty() ? random.nextInt(100) < 85
                    : rarity.ordinal() >= worn.get().rarity().ordinal() && random.nextInt(100) < 60;
            if (better) {
                equip(life, item.id());
            }
        }
        return true;
    }

    private void equip(Life life, UUID itemId) {
        Item item = Equipment.find(life.sheet.equipment(), itemId).orElseThrow();
        ItemType.Slot slot = item.type().slot().orElseThrow();
        if (item.equipped()) {
            throw new IllegalStateException("the seed equips an item twice");
        }
        UUID replaced = Equipment.inSlot(life.sheet.equipment(), slot).map(Item::id).orElse(null);
        life.apply(new ItemEquipped(life.id, item.id(), slot, replaced));
    }

    /** Takes an item off, or puts on one that lies in the pack. */
    private boolean changeEquipment(Life life) {
        List<Item> equipped = life.sheet.equipment().stream().filter(Item::equipped).toList();
        List<Item> spare = life.sheet.equipment().stream()
                .filter(i -> !i.equipped() && i.type().slot().isPresent()).toList();
        if (!spare.isEmpty() && (equipped.isEmpty() || random.nextBoolean())) {
            equip(life, names.pick(spare).id());
            return true;
        }
        if (!equipped.isEmpty()) {
            life.apply(new ItemUnequipped(life.id, names.pick(equipped).id()));
            return true;
        }
        return false;
    }

    /** A potion drunk or a spare item left behind; what is worn stays. */
    private boolean dropItem(Life life) {
        List<Item> loose = life.sheet.equipment().stream().filter(i -> !i.equipped()).toList();
        if (loose.isEmpty()) {
            return false;
        }
        List<Item> consumables = loose.stream().filter(i -> i.type() == ItemType.CONSUMABLE).toList();
        Item dropped = names.pick(consumables.isEmpty() ? loose : consumables);
        life.apply(new ItemDropped(life.id, dropped.id()));
        return true;
    }

    /** A skill the character may learn now, most likely one of its class's fields. */
    private boolean learnSkill(Life life) {
        CharacterSheet sheet = life.sheet;
        List<SkillCategory> affinity = AFFINITY.get(sheet.characterClass());
        List<SkillDefinition> open = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (SkillDefinition skill : StarterSkills.SKILLS) {
            if (Skills.find(sheet.skills(), skill.id()).isEmpty()
                    && Skills.missingFor(skill, sheet.level(), sheet.skills()).isEmpty()) {
                open.add(skill);
                weights.add(affinity.contains(skill.category()) ? 6 : 1);
            }
        }
        if (open.isEmpty()) {
            return false;
        }
        SkillDefinition chosen = open.get(weighted(weights.stream().mapToInt(Integer::intValue).toArray()));
        life.apply(new SkillLearned(life.id, chosen.id()));
        return true;
    }

    /** One step up, as far as the character's level makes plausible (MASTER from level 16). */
    private boolean improveSkill(Life life) {
        int cap = Math.min(Proficiency.MASTER.ordinal(), 1 + life.sheet.level() / 4);
        List<LearnedSkill> improvable = life.sheet.skills().stream()
                .filter(s -> s.proficiency().next().isPresent() && s.proficiency().ordinal() + 1 <= cap).toList();
        if (improvable.isEmpty()) {
            return false;
        }
        LearnedSkill skill = names.pick(improvable);
        Proficiency next = skill.proficiency().next().orElseThrow();
        if (!skill.proficiency().isNextStep(next)) {
            throw new IllegalStateException("the seed skips a proficiency step");
        }
        life.apply(new SkillImproved(life.id, skill.skillId(), next));
        return true;
    }

    private void saveTemplate(Life life, List<TemplateSaved> own) {
        CharacterSheet sheet = life.sheet;
        Visibility visibility = sheet.publiclyVisible() && random.nextInt(100) < 80 ? Visibility.PUBLIC : Visibility.PRIVATE;
        UUID templateId = uuid();
        String className = sheet.characterClass().name().charAt(0) + sheet.characterClass().name().substring(1).toLowerCase();
        TemplateSaved saved = new TemplateSaved(templateId, life.owner, sheet.id(), names.templateName(sheet.name(), className),
                visibility, sheet.race(), sheet.characterClass(), sheet.attributes(), sheet.skills(),
                sheet.equipment().stream().map(i -> i.withEquipped(false)).toList());
        emit("TemplateAggregate", templateId.toString(), 0, saved, life.owner);
        own.add(saved);
        if (visibility == Visibility.PUBLIC) {
            publicTemplates.addLast(saved);
            if (publicTemplates.size() > 64) {
                publicTemplates.removeFirst();
            }
        }
    }

    private Rarity rarity(int level) {
        int roll = random.nextInt(100) + 2 * level;
        if (roll < 55) {
            return Rarity.COMMON;
        }
        if (roll < 80) {
            return Rarity.UNCOMMON;
        }
        if (roll < 93) {
            return Rarity.RARE;
        }
        return roll < 101 ? Rarity.VERY_RARE : Rarity.LEGENDARY;
    }

    /** Bonuses that suit the item (a weapon strength or dexterity, a ring the mind), larger the rarer; now and then a curse. */
    private Map<String, Integer> modifiers(ItemType type, Rarity rarity) {
        Map<String, Integer> modifiers = new TreeMap<>();
        List<String> suited = switch (type) {
            case WEAPON, GLOVES -> List.of("strength", "dexterity");
            case SHIELD -> List.of("constitution", "strength");
            case ARMOR -> List.of("constitution", "dexterity");
            case HELMET -> List.of("wisdom", "intelligence");
            case BOOTS -> List.of("dexterity", "constitution");
            case RING -> List.of("intelligence", "wisdom", "charisma");
            case AMULET -> List.of("wisdom", "charisma", "constitution");
            case CLOAK -> List.of("dexterity", "charisma");
            default -> List.of();
        };
        if (suited.isEmpty()) {
            return modifiers;
        }
        int count = switch (rarity) {
            case COMMON -> random.nextInt(2);
            case UNCOMMON -> 1;
            case RARE -> 1 + random.nextInt(2);
            case VERY_RARE -> 2;
            case LEGENDARY -> 2 + random.nextInt(2);
        };
        int low = switch (rarity) {
            case COMMON, UNCOMMON -> 1;
            case RARE -> 2;
            case VERY_RARE -> 3;
            case LEGENDARY -> 4;
        };
        int high = switch (rarity) {
            case COMMON -> 1;
            case UNCOMMON -> 2;
            case RARE -> 3;
            case VERY_RARE -> 4;
            case LEGENDARY -> 6;
        };
        for (int i = 0; i < count; i++) {
            String attribute = i < suited.size() ? suited.get(i) : names.pick(ATTRIBUTE_NAMES);
            modifiers.merge(attribute, low + random.nextInt(high - low + 1), (a, b) -> Math.min(Equipment.MAX_MODIFIER, a + b));
        }
        if (random.nextInt(100) < 3) {
            modifiers.put(names.pick(ATTRIBUTE_NAMES), -(1 + random.nextInt(3)));
        }
        return modifiers;
    }

    private double weight(ItemType type) {
        double[] range = switch (type) {
            case WEAPON -> new double[] {1, 9};
            case SHIELD -> new double[] {3, 6};
            case ARMOR -> new double[] {4, 30};
            case HELMET -> new double[] {1, 3};
            case BOOTS -> new double[] {1, 2};
            case GLOVES -> new double[] {0.2, 1};
            case RING -> new double[] {0.01, 0.05};
            case AMULET -> new double[] {0.05, 0.2};
            case CLOAK -> new double[] {0.5, 2};
            case CONSUMABLE -> new double[] {0.1, 0.5};
            case TOOL -> new double[] {0.5, 5};
            case MISC -> new double[] {0.01, 1};
        };
        return Math.round((range[0] + random.nextDouble() * (range[1] - range[0])) * 100) / 100.0;
    }

    /** Stores one event: the next moment of the seed's clock, ids from the seed, the serializer's bytes. */
    private Instant emit(String aggregateType, String aggregateId, long sequence, Object payload, UUID actor) {
        now += 1 + (long) (random.nextDouble() * 2 * meanStepMillis);
        Instant at = Instant.ofEpochMilli(now);
        String eventId = uuid().toString();
        String commandId = uuid().toString();
        Map<String, String> metaData = new HashMap<>();
        metaData.put("traceId", commandId);
        metaData.put("correlationId", commandId);
        if (actor != null) {
            metaData.put("actorId", actor.toString());
        }
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(MetaData.from(metaData), byte[].class);
        pending.addLast(new StoredEvent(null, eventId, aggregateId, sequence, aggregateType,
                DateTimeUtils.formatInstant(at), data.getType().getName(), data.getType().getRevision(), data.getData(),
                meta.getData()));
        return at;
    }

    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    private int d6() {
        return 1 + random.nextInt(6);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Attributes attributes(int[] s) {
        return new Attributes(clamp(s[0]), clamp(s[1]), clamp(s[2]), clamp(s[3]), clamp(s[4]), clamp(s[5]));
    }

    private static int clamp(int value) {
        return Math.max(Attributes.MIN, Math.min(Attributes.MAX, value));
    }

    private static String pad(String text, int length) {
        return "0".repeat(Math.max(0, length - text.length())) + text;
    }

    /** One character as its events make it, event by event. */
    private final class Life {
        final UUID id;
        final UUID owner;
        long sequence;
        CharacterSheet sheet;

        Life(UUID id, UUID owner) {
            this.id = id;
            this.owner = owner;
        }

        void apply(CharacterEvent event) {
            Instant at = emit("CharacterAggregate", id.toString(), sequence++, event, owner);
            sheet = sheet == null ? CharacterSheet.created((CharacterCreated) event, at) : sheet.apply(event, at);
        }
    }
}
