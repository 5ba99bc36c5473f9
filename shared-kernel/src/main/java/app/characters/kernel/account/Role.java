package app.characters.kernel.account;

public enum Role { USER, ADMIN }
