package app.characters.command.character;

import static app.characters.command.RejectedMatcher.rejected;
import static app.characters.command.character.Given.ID;
import static app.characters.command.character.Given.OWNER;
import static app.characters.command.character.Given.RING;
import static app.characters.command.character.Given.STRANGER;
import static app.characters.command.character.Given.SWORD;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterCommand.CreateCharacter;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.SkillDefinition;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected.Kind;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CharacterFromTemplateTest {

    private static final Attributes BUILD = new Attributes(8, 14, 12, 18, 13, 10);
    private static final List<LearnedSkill> SKILLS = List.of(new LearnedSkill("arcane-lore", Proficiency.ADEPT),
            new LearnedSkill("fireball", Proficiency.NOVICE));
    private static final TemplateSaved MINE = template(OWNER, Visibility.PRIVATE);
    private static final TemplateSaved THEIRS_PUBLIC = template(STRANGER, Visibility.PUBLIC);
    private static final TemplateSaved THEIRS_PRIVATE = template(STRANGER, Visibility.PRIVATE);

    private FixtureConfiguration<CharacterAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = Given.fixture(new SkillDefinition[0], MINE, THEIRS_PUBLIC, THEIRS_PRIVATE);
    }

    @Test
    void aCharacterFromATemplateStartsWithItsBuildAndRecordsWhereItCameFrom() {
        fixture.givenNoPriorActivity()
               .when(fromTemplate(MINE.templateId()))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(created(e ->
                       e.characterId().equals(ID) && e.ownerId().equals(OWNER) && e.name().equals("Copy")
                               && e.race() == Race.ELF && e.characterClass() == CharacterClass.WIZARD
                               && e.attributes().equals(BUILD) && e.skills().equals(SKILLS)
                               && e.createdFromTemplate().equals(MINE.templateId())))));
    }

    @Test
    void itsEquipmentIsTheTemplatesUnequippedUnderNewIds() {
        Set<UUID> templateIds = new HashSet<>(List.of(SWORD.id(), RING.id()));
        fixture.givenNoPriorActivity()
               .when(fromTemplate(MINE.templateId()))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(created(e ->
                       e.equipment().size() == 2
                               && e.equipment().stream().noneMatch(Item::equipped)
                               && e.equipment().stream().noneMatch(i -> templateIds.contains(i.id()))
                               && e.equipment().stream().map(Item::id).distinct().count() == 2
                               && e.equipment().get(0).equals(new Item(e.equipment().get(0).id(), SWORD.name(),
                                       SWORD.type(), SWORD.rarity(), SWORD.weight(), SWORD.statModifiers(), false))
                               && e.equipment().get(1).name().equals(RING.name())))));
    }

    @Test
    void anotherUsersPublicTemplateMayBeUsed() {
        fixture.givenNoPriorActivity()
               .when(fromTemplate(THEIRS_PUBLIC.templateId()))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(created(e ->
                       e.ownerId().equals(OWNER) && e.createdFromTemplate().equals(THEIRS_PUBLIC.templateId())))));
    }

    @Test
    void anotherUsersPrivateTemplateIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(fromTemplate(THEIRS_PRIVATE.templateId()))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        fixture.givenNoPriorActivity()
               .when(fromTemplate(UUID.randomUUID()))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));
    }

    @Test
    void aCharacterFromATemplateStillNeedsAName() {
        fixture.givenNoPriorActivity()
               .when(new CreateCharacter(ID, OWNER, "  ", null, null, null, MINE.templateId()))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void aCharacterWithoutATemplateRecordsNone() {
        fixture.givenNoPriorActivity()
               .when(new CreateCharacter(ID, OWNER, "Plain", Race.HUMAN, CharacterClass.BARD, Attributes.defaults(), null))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(created(e ->
                       e.createdFromTemplate() == null && e.equipment().isEmpty() && e.skills().isEmpty()))));
    }

    private static CreateCharacter fromTemplate(UUID templateId) {
        return new CreateCharacter(ID, OWNER, " Copy ", null, null, null, templateId);
    }

    private static org.hamcrest.Matcher<Object> created(Predicate<CharacterCreated> expected) {
        return predicate(payload -> payload instanceof CharacterCreated e && expected.test(e));
    }

    private static TemplateSaved template(UUID owner, Visibility visibility) {
        return new TemplateSaved(UUID.randomUUID(), owner, UUID.randomUUID(), "Battle mage", visibility, Race.ELF,
                CharacterClass.WIZARD, BUILD, SKILLS, List.of(SWORD.withEquipped(true), RING));
    }
}
