package app.characters.kernel.character;

public enum Rarity { COMMON, UNCOMMON, RARE, VERY_RARE, LEGENDARY }
