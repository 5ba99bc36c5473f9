package app.characters.kernel.character;

public enum SkillCategory { COMBAT, MAGIC, STEALTH, SOCIAL, SURVIVAL, CRAFTING, KNOWLEDGE }
