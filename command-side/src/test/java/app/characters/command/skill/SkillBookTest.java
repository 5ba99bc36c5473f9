package app.characters.command.skill;

import static app.characters.command.RejectedMatcher.rejected;

import app.characters.kernel.character.SkillCategory;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.common.Rejected.Kind;
import app.characters.kernel.skill.SkillMessages.DefineSkill;
import app.characters.kernel.skill.SkillMessages.SkillDefined;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real book, reading the fixture's event store: a skill defined there is found. */
class SkillBookTest {

    private FixtureConfiguration<SkillAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SkillAggregate.class);
        fixture.registerInjectableResource(new SkillBook(fixture.getEventStore()));
    }

    @Test
    void aSkillDefinedInTheEventStoreIsAConflictWhenDefinedAgain() {
        fixture.given(new SkillDefined("sneak", sneak(1)))
               .when(new DefineSkill("sneak", sneak(2)))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT, "sneak"));
    }

    private static SkillDefinition sneak(int minLevel) {
        return new SkillDefinition("sneak", "Sneak", SkillCategory.STEALTH, minLevel, List.of());
    }
}
