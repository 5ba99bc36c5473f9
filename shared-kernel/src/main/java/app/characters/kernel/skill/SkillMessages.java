package app.characters.kernel.skill;

import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.common.PageRequest;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** The skill catalogue: defined by admins, read by everyone. */
public final class SkillMessages {

    private SkillMessages() {
    }

    public record DefineSkill(@TargetAggregateIdentifier String skillId, SkillDefinition definition) {
    }

    @Revision("1")
    public record SkillDefined(String skillId, SkillDefinition definition) {
    }

    public record ListSkills(SkillCategory category, PageRequest page) {
    }

    public record FindSkill(String skillId) {
    }

    public record SkillPage(List<SkillDefinition> items, int page, int size, long total) {
    }
}
