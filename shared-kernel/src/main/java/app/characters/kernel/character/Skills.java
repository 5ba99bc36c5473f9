package app.characters.kernel.character;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules of the skill catalogue and of learning. */
public final class Skills {

    public static final Pattern SKILL_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_PREREQUISITES = 10;

    private Skills() {
    }

    public static boolean validId(String id) {
        return id != null && id.length() <= MAX_ID_LENGTH && SKILL_ID.matcher(id).matches();
    }

    public static Optional<LearnedSkill> find(List<LearnedSkill> skills, String skillId) {
        return skills.stream().filter(s -> s.skillId().equals(skillId)).findFirst();
    }

    /** What keeps a character from learning a skill, or empty when nothing does. */
    public static List<String> missingFor(SkillDefinition skill, int level, List<LearnedSkill> known) {
        List<String> missing = new java.util.ArrayList<>();
        if (level < skill.minLevel()) {
            missing.add("level " + skill.minLevel() + " (is " + level + ")");
        }
        for (SkillDefinition.Prerequisite p : skill.prerequisites()) {
            Optional<LearnedSkill> have = find(known, p.skillId());
            if (have.isEmpty() || !have.get().proficiency().atLeast(p.minProficiency())) {
                missing.add(p.skillId() + " at " + p.minProficiency()
                        + have.map(h -> " (is " + h.proficiency() + ")").orElse(" (not learned)"));
            }
        }
        return missing;
    }
}
