package app.characters.command.skill;

import static app.characters.command.RejectedMatcher.rejected;

import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.SkillDefinition.Prerequisite;
import app.characters.kernel.common.Rejected.Kind;
import app.characters.kernel.skill.SkillMessages.DefineSkill;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SkillAggregateTest {

    private static final SkillDefinition ARCANE_LORE = skill("arcane-lore", 1);
    private static final SkillDefinition FIREBALL = skill("fireball", 3, new Prerequisite("arcane-lore", Proficiency.APPRENTICE));

    private FixtureConfiguration<SkillAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SkillAggregate.class);
        fixture.registerInjectableResource(new InMemorySkillBook(ARCANE_LORE, FIREBALL));
    }

    @Test
    void anAdminDefinesASkill() {
        SkillDefinition sneak = skill("sneak", 1);
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("sneak", sneak))
               .expectEvents(new SkillDefined("sneak", sneak));
    }

    @Test
    void aSkillMayBuildOnSkillsThatExist() {
        SkillDefinition meteor = skill("meteor-swarm", 9, new Prerequisite("fireball", Proficiency.ADEPT),
                new Prerequisite("arcane-lore", Proficiency.EXPERT));
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("meteor-swarm", meteor))
               .expectEvents(new SkillDefined("meteor-swarm", meteor));
    }

    @Test
    void anIdInTheCatalogueAlreadyIsAConflict() {
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("fireball", skill("fireball", 1)))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT, "fireball"));
    }

    @Test
    void anUnknownPrerequisiteIsRefusedNamingIt() {
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("volley", skill("volley", 5, new Prerequisite("archery", Proficiency.ADEPT))))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "archery"));
    }

    @Test
    void oneUnknownPrerequisiteAmongKnownOnesIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("volley", skill("volley", 5, new Prerequisite("fireball", Proficiency.NOVICE),
                       new Prerequisite("archery", Proficiency.ADEPT))))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "archery"));
    }

    @Test
    void aSkillThatRequiresItselfIsACycle() {
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("ouroboros", skill("ouroboros", 1, new Prerequisite("ouroboros", Proficiency.NOVICE))))
               .expectNoEvents()
               .expectException(rejected(Kind.RULE, "cycle"));
    }

    @Test
    void anIdThatIsNotASlugIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("Fire Ball", skill("Fire Ball", 1)))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void theCommandAndTheDefinitionMustNameTheSameSkill() {
        fixture.givenNoPriorActivity()
               .when(new DefineSkill("sneak", skill("stealth", 1)))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    private static SkillDefinition skill(String id, int minLevel, Prerequisite... prerequisites) {
        return new SkillDefinition(id, id, SkillCategory.MAGIC, minLevel, List.of(prerequisites));
    }
}
