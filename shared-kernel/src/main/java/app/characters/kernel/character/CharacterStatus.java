package app.characters.kernel.character;

public enum CharacterStatus { ACTIVE, RETIRED }
