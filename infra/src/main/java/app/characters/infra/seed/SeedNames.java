package app.characters.infra.seed;

import app.characters.kernel.account.AccountRules;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.Rarity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * The words of the seeded world: pools of names, monsters, places and weapons drawn once from
 * Datafaker with the seed's own randomness, then picked from with it. Drawing pools once keeps a
 * million events quick; drawing them from the seed keeps the world the same for the same seed.
 */
final class SeedNames {

    private static final int POOL = 300;
    private static final List<String> EPITHETS = List.of("the Bold", "the Wise", "the Grey", "Ironhand", "Stormborn",
            "the Quiet", "Oathkeeper", "the Unbroken", "Swiftfoot", "the Red", "Ashborn", "the Wanderer",
            "Lightbringer", "the Younger", "Duskwalker");
    private static final List<String> ITEM_ADJECTIVES = List.of("Flaming", "Frost", "Runed", "Elven", "Dwarven",
            "Shadow", "Gleaming", "Ancient", "Blessed", "Storm", "Obsidian", "Silvered", "Thorned", "Starforged");
    private static final List<String> SHIELDS = List.of("Buckler", "Kite Shield", "Tower Shield", "Heater Shield", "Round Shield");
    private static final List<String> ARMORS = List.of("Leather Armor", "Studded Leather", "Chain Shirt", "Scale Mail",
            "Breastplate", "Half Plate", "Chain Mail", "Plate Armor", "Hide Armor", "Mage Robe");
    private static final List<String> HELMETS = List.of("Helm", "Great Helm", "Circlet", "Hood", "Horned Helm");
    private static final List<String> BOOTS = List.of("Leather Boots", "Boots of Striding", "Sabatons", "Soft Boots", "Riding Boots");
    private static final List<String> GLOVES = List.of("Gauntlets", "Leather Gloves", "Bracers", "Spellweaver Gloves");
    private static final List<String> RINGS = List.of("Ring", "Signet Ring", "Band", "Seal");
    private static final List<String> AMULETS = List.of("Amulet", "Pendant", "Talisman", "Periapt", "Medallion");
    private static final List<String> CLOAKS = List.of("Cloak", "Mantle", "Cape", "Travelling Cloak");
    private static final List<String> CONSUMABLES = List.of("Potion of Healing", "Potion of Greater Healing",
            "Elixir of Vigor", "Antitoxin", "Scroll of Fireball", "Scroll of Shield", "Rations (5 days)",
            "Potion of Invisibility", "Oil of Sharpness", "Flask of Holy Water");
    private static final List<String> TOOLS = List.of("Thieves' Tools", "Smith's Tools", "Herbalism Kit", "Rope (50 ft)",
            "Lantern", "Grappling Hook", "Alchemist's Supplies", "Cartographer's Tools", "Healer's Kit");
    private static final List<String> MISC = List.of("Gemstone", "Lucky Coin", "Old Map", "Sealed Letter", "Dragon Scale",
            "Carved Figurine", "Silver Locket", "Pouch of Teeth");

    private final Random random;
    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<String> monsters;
    private final List<String> places;
    private final List<String> meleeWeapons;
    private final List<String> rangedWeapons;
    private final List<String> domains;

    SeedNames(Random random, long seed) {
        this.random = random;
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        firstNames = pool(() -> random.nextBoolean() ? faker.elderScrolls().firstName() : faker.name().firstName());
        lastNames = pool(() -> random.nextBoolean() ? faker.elderScrolls().lastName() : faker.name().lastName());
        monsters = pool(() -> switch (random.nextInt(3)) {
            case 0 -> faker.dungeonsAndDragons().monsters();
            case 1 -> faker.witcher().monster();
            default -> faker.elderScrolls().creature();
        });
        places = pool(() -> switch (random.nextInt(4)) {
            case 0 -> faker.dungeonsAndDragons().cities();
            case 1 -> faker.elderScrolls().city();
            case 2 -> faker.lordOfTheRings().location();
            default -> faker.elderScrolls().region();
        });
        meleeWeapons = pool(() -> faker.dungeonsAndDragons().meleeWeapons());
        rangedWeapons = pool(() -> faker.dungeonsAndDragons().rangedWeapons());
        domains = pool(() -> faker.internet().domainName()).stream()
                .filter(d -> AccountRules.validEmail("a@" + d)).toList();
    }

    private static List<String> pool(Supplier<String> draw) {
        List<String> pool = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            pool.add(draw.get());
        }
        return pool;
    }

    String characterName() {
        String first = pick(firstNames);
        String name = switch (random.nextInt(4)) {
            case 0 -> first + " " + pick(EPITHETS);
            case 1 -> first;
            default -> first + " " + pick(lastNames);
        };
        return cut(name, 64);
    }

    /** A username of the account rules: letters and digits of a name, then a tag unique to the user. */
    String username(String tag) {
        String base = ascii(pick(firstNames) + "." + pick(lastNames)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "").replaceAll("\\.{2,}", ".").replaceAll("^[._-]+|[._-]+$", "");
        if (base.length() < 3) {
            base = "adventurer";
        }
        return cut(base, 31 - tag.length()) + "_" + tag;
    }

    String email(String username) {
        String local = username.replace("_", ".");
        String email = local + "@" + (domains.isEmpty() ? "example.com" : pick(domains));
        return AccountRules.validEmail(email) ? email : username + "@example.com";
    }

    String experienceReason() {
        String monster = pick(monsters);
        String place = pick(places);
        return cut(switch (random.nextInt(7)) {
            case 0 -> "Defeated " + article(monster) + " " + monster;
            case 1 -> "Slew " + article(monster) + " " + monster + " near " + place;
            case 2 -> "Escorted a caravan to " + place;
            case 3 -> "Cleared the catacombs beneath " + place;
            case 4 -> "Survived the siege of " + place;
            case 5 -> "Recovered a stolen relic in " + place;
            default -> "Drove off a band of " + monster + " raiders";
        }, 200);
    }

    String itemName(ItemType type, Rarity rarity) {
        String base = switch (type) {
            case WEAPON -> random.nextInt(3) == 0 ? pick(rangedWeapons) : pick(meleeWeapons);
            case SHIELD -> pick(SHIELDS);
            case ARMOR -> pick(ARMORS);
            case HELMET -> pick(HELMETS);
            case BOOTS -> pick(BOOTS);
            case GLOVES -> pick(GLOVES);
            case RING -> pick(RINGS);
            case AMULET -> pick(AMULETS);
            case CLOAK -> pick(CLOAKS);
            case CONSUMABLE -> pick(CONSUMABLES);
            case TOOL -> pick(TOOLS);
            case MISC -> pick(MISC);
        };
        if (type.slot().isEmpty()) {
            return base;
        }
        return cut(switch (rarity) {
            case COMMON -> base;
            case UNCOMMON -> pick(ITEM_ADJECTIVES) + " " + base;
            case RARE -> base + " of " + pick(places);
            case VERY_RARE -> pick(ITEM_ADJECTIVES) + " " + base + " of " + pick(places);
            case LEGENDARY -> base + ", Bane of the " + pick(monsters);
        }, 64);
    }

    String templateName(String characterName, String className) {
        return cut(switch (random.nextInt(3)) {
            case 0 -> characterName + "'s build";
            case 1 -> "The " + pick(places) + " " + className;
            default -> pick(ITEM_ADJECTIVES) + " " + className;
        }, 64);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String article(String noun) {
        return noun.isEmpty() || "AEIOUaeiou".indexOf(noun.charAt(0)) < 0 ? "a" : "an";
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String cut(String text, int max) {
        String trimmed = text.strip();
        if (trimmed.length() <= max) {
            return trimmed;
        }
        int end = Character.isHighSurrogate(trimmed.charAt(max - 1)) ? max - 1 : max;
        return trimmed.substring(0, end).strip();
    }
}
