package app.characters.kernel.character;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A piece of equipment a character carries. Modifiers are keyed by attribute name. */
public record Item(UUID id, String name, ItemType type, Rarity rarity, double weight,
                   Map<String, Integer> statModifiers, boolean equipped) {

    public Item {
        statModifiers = statModifiers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(statModifiers));
    }

    public Item withEquipped(boolean value) {
        return new Item(id, name, type, rarity, weight, statModifiers, value);
    }

    public Attributes modifiers() {
        return new Attributes(mod("strength"), mod("dexterity"), mod("constitution"), mod("intelligence"),
                mod("wisdom"), mod("charisma"));
    }

    private int mod(String attribute) {
        return statModifiers.getOrDefault(attribute, 0);
    }
}
