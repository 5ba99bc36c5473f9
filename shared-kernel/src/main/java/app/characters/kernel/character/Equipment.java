package app.characters.kernel.character;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Rules of a character's pack. */
public final class Equipment {

    public static final int MAX_ITEMS = 100;
    public static final int MIN_MODIFIER = -10;
    public static final int MAX_MODIFIER = 10;
    public static final double MAX_WEIGHT = 1000;
    public static final int MAX_NAME_LENGTH = 64;

    private Equipment() {
    }

    public static Optional<Item> find(List<Item> items, UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The equipped item that fills a slot, if any. */
    public static Optional<Item> inSlot(List<Item> items, ItemType.Slot slot) {
        return items.stream().filter(i -> i.equipped() && i.type().slot().orElse(null) == slot).findFirst();
    }

    /** Why modifiers are not acceptable, or empty when they are. */
    public static Optional<String> checkModifiers(Map<String, Integer> modifiers) {
        if (modifiers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Integer> e : modifiers.entrySet()) {
            if (!Attributes.NAMES.contains(e.getKey())) {
                return Optional.of("unknown attribute " + e.getKey() + ", expected one of " + Attributes.NAMES);
            }
            if (e.getValue() == null || e.getValue() < MIN_MODIFIER || e.getValue() > MAX_MODIFIER) {
                return Optional.of(e.getKey() + " must be " + MIN_MODIFIER + ".." + MAX_MODIFIER);
            }
        }
        return Optional.empty();
    }
}
