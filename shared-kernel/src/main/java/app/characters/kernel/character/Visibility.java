package app.characters.kernel.character;

public enum Visibility { PRIVATE, PUBLIC }
