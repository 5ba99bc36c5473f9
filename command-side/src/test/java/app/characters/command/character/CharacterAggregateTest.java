package app.characters.command.character;

import static app.characters.command.RejectedMatcher.rejected;

import app.characters.command.template.TemplateBook;
import app.characters.kernel.character.AttributeChanges;
import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterCommand.ChangeAttributes;
import app.characters.kernel.character.CharacterCommand.ChangeVisibility;
import app.characters.kernel.character.CharacterCommand.CreateCharacter;
import app.characters.kernel.character.CharacterCommand.GainExperience;
import app.characters.kernel.character.CharacterCommand.RenameCharacter;
import app.characters.kernel.character.CharacterCommand.RetireCharacter;
import app.characters.kernel.character.CharacterEvent.AttributesChanged;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.CharacterRenamed;
import app.characters.kernel.character.CharacterEvent.CharacterRetired;
import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.CharacterStatus;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected.Kind;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacterAggregateTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final Attributes ATTRIBUTES = new Attributes(16, 12, 14, 8, 10, 9);

    private FixtureConfiguration<CharacterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CharacterAggregate.class);
        fixture.registerInjectableResource(new TemplateBook(fixture.getEventStore()));
    }

    @Test
    void creatingEmitsCharacterCreatedWithTheNameTrimmed() {
        fixture.givenNoPriorActivity()
               .when(create("  Gimli  ", ATTRIBUTES))
               .expectEvents(created());
    }

    @Test
    void creatingRefusesAnAttributeOutOfRange() {
        fixture.givenNoPriorActivity()
               .when(create("Gimli", new Attributes(31, 10, 10, 10, 10, 10)))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void creatingRefusesABlankName() {
        fixture.givenNoPriorActivity()
               .when(create("   ", ATTRIBUTES))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void creatingRefusesANameLongerThanSixtyFour() {
        fixture.givenNoPriorActivity()
               .when(create("a".repeat(65), ATTRIBUTES))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void ownerRenamesWithTheNameTrimmed() {
        fixture.given(created())
               .when(new RenameCharacter(ID, OWNER, null, " Gimli son of Gloin "))
               .expectEvents(new CharacterRenamed(ID, "Gimli son of Gloin"));
    }

    @Test
    void renameRefusesABlankName() {
        fixture.given(created())
               .when(new RenameCharacter(ID, OWNER, null, " "))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void renameAnswersWithTheRenamedCharacterAtTheNextVersion() {
        fixture.given(created())
               .when(new RenameCharacter(ID, OWNER, null, "Gimli II"))
               .expectResultMessagePayloadMatching(sheet(s -> s.name().equals("Gimli II") && s.version() == 2));
    }

    @Test
    void ownerChangesAttributes() {
        fixture.given(created())
               .when(new ChangeAttributes(ID, OWNER, null, new AttributeChanges(18, 13, 15, 9, 11, 10)))
               .expectEvents(new AttributesChanged(ID, new Attributes(18, 13, 15, 9, 11, 10)));
    }

    @Test
    void attributesLeftOutOfAChangeKeepTheirValues() {
        fixture.given(created())
               .when(new ChangeAttributes(ID, OWNER, null, new AttributeChanges(18, null, null, null, 12, null)))
               .expectEvents(new AttributesChanged(ID, new Attributes(18, 12, 14, 8, 12, 9)));
    }

    @Test
    void attributeChangeAnswersWithTheNewScoresAtTheNextVersion() {
        fixture.given(created())
               .when(new ChangeAttributes(ID, OWNER, null, new AttributeChanges(18, null, null, null, null, null)))
               .expectResultMessagePayloadMatching(sheet(s -> s.attributes().strength() == 18
                       && s.effectiveAttributes().strength() == 18 && s.version() == 2));
    }

    @Test
    void attributeChangeRefusesAScoreOutOfRange() {
        fixture.given(created())
               .when(new ChangeAttributes(ID, OWNER, null, new AttributeChanges(null, null, null, 0, null, null)))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void experienceAddsToTheTotalAndRecomputesTheLevel() {
        fixture.given(created(), new ExperienceGained(ID, 250, "rats", 250, 1))
               .when(new GainExperience(ID, OWNER, null, 100, "goblins"))
               .expectEvents(new ExperienceGained(ID, 100, "goblins", 350, 2));
    }

    @Test
    void experienceAnswersWithTheNewTotalAndLevel() {
        fixture.given(created(), new ExperienceGained(ID, 250, "rats", 250, 1))
               .when(new GainExperience(ID, OWNER, null, 100, "goblins"))
               .expectResultMessagePayloadMatching(
                       sheet(s -> s.experience() == 350 && s.level() == 2 && s.version() == 3));
    }

    @Test
    void experienceReasonIsStoredTrimmed() {
        fixture.given(created())
               .when(new GainExperience(ID, OWNER, null, 300, "  dragon  "))
               .expectEvents(new ExperienceGained(ID, 300, "dragon", 300, 2));
    }

    @Test
    void experienceRefusesZero() {
        fixture.given(created())
               .when(new GainExperience(ID, OWNER, null, 0, "nothing"))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void experienceRefusesMoreThanAMillionAtOnce() {
        fixture.given(created())
               .when(new GainExperience(ID, OWNER, null, 1_000_001, "cheat"))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void experienceRefusesABlankReason() {
        fixture.given(created())
               .when(new GainExperience(ID, OWNER, null, 10, "  "))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void ownerMakesTheCharacterPublic() {
        fixture.given(created())
               .when(new ChangeVisibility(ID, OWNER, null, Visibility.PUBLIC))
               .expectEvents(new VisibilityChanged(ID, Visibility.PUBLIC))
               .expectResultMessagePayloadMatching(sheet(s -> s.publiclyVisible() && s.version() == 2));
    }

    @Test
    void ownerRetiresTheCharacter() {
        fixture.given(created())
               .when(new RetireCharacter(ID, OWNER, null))
               .expectEvents(new CharacterRetired(ID))
               .expectResultMessagePayloadMatching(
                       sheet(s -> s.status() == CharacterStatus.RETIRED && s.version() == 2));
    }

    @Test
    void strangerCannotFindAPrivateCharacter() {
        fixture.given(created())
               .when(new RenameCharacter(ID, STRANGER, null, "Mine now"))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void strangerMayNotChangeAPublicCharacter() {
        fixture.given(created(), new VisibilityChanged(ID, Visibility.PUBLIC))
               .when(new RenameCharacter(ID, STRANGER, null, "Mine now"))
               .expectNoEvents()
               .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void strangerMayNotRetireAPublicCharacter() {
        fixture.given(created(), new VisibilityChanged(ID, Visibility.PUBLIC))
               .when(new RetireCharacter(ID, STRANGER, null))
               .expectNoEvents()
               .expectException(rejected(Kind.FORBIDDEN));
    }

    @Test
    void strangerLearnsNothingOfARetiredPrivateCharacter() {
        fixture.given(created(), new CharacterRetired(ID))
               .when(new RenameCharacter(ID, STRANGER, null, "Mine now"))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void retiredCharacterRefusesChanges() {
        fixture.given(created(), new CharacterRetired(ID))
               .when(new GainExperience(ID, OWNER, null, 10, "afterlife"))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void retiredCharacterCannotBeRetiredAgain() {
        fixture.given(created(), new CharacterRetired(ID))
               .when(new RetireCharacter(ID, OWNER, null))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void staleExpectedVersionIsRefused() {
        fixture.given(created(), new CharacterRenamed(ID, "Gimli II"))
               .when(new RenameCharacter(ID, OWNER, 1L, "Gimli III"))
               .expectNoEvents()
               .expectException(rejected(Kind.VERSION_MISMATCH));
    }

    @Test
    void expectedVersionAheadOfTheCharacterIsRefused() {
        fixture.given(created())
               .when(new ChangeVisibility(ID, OWNER, 5L, Visibility.PUBLIC))
               .expectNoEvents()
               .expectException(rejected(Kind.VERSION_MISMATCH));
    }

    @Test
    void matchingExpectedVersionIsAccepted() {
        fixture.given(created(), new CharacterRenamed(ID, "Gimli II"))
               .when(new RenameCharacter(ID, OWNER, 2L, "Gimli III"))
               .expectEvents(new CharacterRenamed(ID, "Gimli III"))
               .expectResultMessagePayloadMatching(sheet(s -> s.version() == 3));
    }

    private static CreateCharacter create(String name, Attributes attributes) {
        return new CreateCharacter(ID, OWNER, name, Race.DWARF, CharacterClass.FIGHTER, attributes, null);
    }

    private static CharacterCreated created() {
        return new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF, CharacterClass.FIGHTER, ATTRIBUTES, null,
                List.of(), List.of());
    }

    private static Matcher<Object> sheet(Predicate<CharacterSheet> expected) {
        return Matchers.predicate(payload -> payload instanceof CharacterSheet s && expected.test(s));
    }
}
