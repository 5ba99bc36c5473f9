package app.characters.kernel.character;

public record LearnedSkill(String skillId, Proficiency proficiency) {
}
