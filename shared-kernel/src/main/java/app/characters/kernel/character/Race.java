package app.characters.kernel.character;

public enum Race { HUMAN, ELF, DWARF, HALFLING, GNOME, HALF_ELF, HALF_ORC, TIEFLING, DRAGONBORN }
