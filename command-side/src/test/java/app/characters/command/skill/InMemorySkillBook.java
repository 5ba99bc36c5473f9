package app.characters.command.skill;

import app.characters.kernel.character.SkillDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The catalogue as a map, for aggregate tests: same lookups as {@link SkillBook}, no event store. */
public class InMemorySkillBook extends SkillBook {

    private final Map<String, SkillDefinition> skills = new HashMap<>();

    public InMemorySkillBook(SkillDefinition... definitions) {
        super(null);
        for (SkillDefinition definition : definitions) {
            skills.put(definition.id(), definition);
        }
    }

    @Override
    public Optional<SkillDefinition> find(String skillId) {
        return Optional.ofNullable(skills.get(skillId));
    }
}
