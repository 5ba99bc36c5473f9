package app.characters.kernel.character;

import java.util.Optional;

/** What an item is, and the slot it fills when equipped; consumables, tools and odds and ends fill none. */
public enum ItemType {
    WEAPON(Slot.MAIN_HAND), SHIELD(Slot.OFF_HAND), ARMOR(Slot.BODY), HELMET(Slot.HEAD), BOOTS(Slot.FEET),
    GLOVES(Slot.HANDS), RING(Slot.FINGER), AMULET(Slot.NECK), CLOAK(Slot.BACK),
    CONSUMABLE(null), TOOL(null), MISC(null);

    private final Slot slot;

    ItemType(Slot slot) {
        this.slot = slot;
    }

    public Optional<Slot> slot() {
        return Optional.ofNullable(slot);
    }

    public enum Slot { MAIN_HAND, OFF_HAND, BODY, HEAD, FEET, HANDS, FINGER, NECK, BACK }
}
