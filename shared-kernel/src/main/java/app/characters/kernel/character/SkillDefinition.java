package app.characters.kernel.character;

import java.util.List;

/** A skill of the catalogue: who may learn it and what it builds on. */
public record SkillDefinition(String id, String name, SkillCategory category, int minLevel,
                              List<Prerequisite> prerequisites) {

    public SkillDefinition {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    }

    public record Prerequisite(String skillId, Proficiency minProficiency) {
    }
}
