package app.characters.command.template;

import static app.characters.command.RejectedMatcher.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import app.characters.command.character.CharacterAggregate;
import app.characters.command.skill.InMemorySkillBook;
import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterEvent.CharacterCreated;
import app.characters.kernel.character.CharacterEvent.ItemAcquired;
import app.characters.kernel.character.CharacterEvent.ItemEquipped;
import app.characters.kernel.character.CharacterEvent.SkillLearned;
import app.characters.kernel.character.CharacterEvent.VisibilityChanged;
import app.characters.kernel.character.Item;
import app.characters.kernel.character.ItemType;
import app.characters.kernel.character.LearnedSkill;
import app.characters.kernel.character.Proficiency;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Rarity;
import app.characters.kernel.character.Visibility;
import app.characters.kernel.common.Rejected.Kind;
import app.characters.kernel.template.TemplateMessages.SaveTemplate;
import app.characters.kernel.template.TemplateMessages.TemplateSaved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.StubAggregateLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saving a template: the character fixture holds the character, and the template's own event is
 * caught apart, so that "no events" means the character itself was not changed.
 */
class TemplateCommandHandlerTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID TEMPLATE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final Attributes ATTRIBUTES = new Attributes(16, 12, 14, 8, 10, 9);
    private static final Item SWORD = new Item(UUID.randomUUID(), "Sword", ItemType.WEAPON, Rarity.RARE, 3,
            Map.of("strength", 2), false);

    private FixtureConfiguration<CharacterAggregate> fixture;
    private CapturingTemplates templates;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CharacterAggregate.class);
        fixture.registerInjectableResource(new InMemorySkillBook());
        fixture.registerInjectableResource(new InMemoryTemplateBook());
        templates = new CapturingTemplates();
        fixture.registerAnnotatedCommandHandler(new TemplateCommandHandler(fixture.getRepository(), templates));
    }

    @Test
    void savingATemplateLeavesTheCharacterUnchanged() {
        fixture.given(created(), new ItemAcquired(ID, SWORD))
               .when(new SaveTemplate(TEMPLATE, ID, OWNER, "Dwarf fighter", Visibility.PUBLIC))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(TEMPLATE);
    }

    @Test
    void theTemplateHoldsTheBuildWithEveryItemUnequipped() {
        fixture.given(created(), new ItemAcquired(ID, SWORD), new ItemEquipped(ID, SWORD.id(), ItemType.Slot.MAIN_HAND, null),
                      new SkillLearned(ID, "swordplay"))
               .when(new SaveTemplate(TEMPLATE, ID, OWNER, "  Dwarf fighter  ", Visibility.PRIVATE))
               .expectNoEvents();

        assertThat(templates.saved).containsExactly(new TemplateSaved(TEMPLATE, OWNER, ID, "Dwarf fighter",
                Visibility.PRIVATE, Race.DWARF, CharacterClass.FIGHTER, ATTRIBUTES,
                List.of(new LearnedSkill("swordplay", Proficiency.NOVICE)), List.of(SWORD)));
    }

    @Test
    void aStrangerCannotFindAPrivateCharacterToCopy() {
        fixture.given(created())
               .when(new SaveTemplate(TEMPLATE, ID, STRANGER, "Mine now", Visibility.PRIVATE))
               .expectNoEvents()
               .expectException(rejected(Kind.NOT_FOUND));

        assertThat(templates.saved).isEmpty();
    }

    @Test
    void aStrangerMayNotSaveAPublicCharacterAsATemplate() {
        fixture.given(created(), new VisibilityChanged(ID, Visibility.PUBLIC))
               .when(new SaveTemplate(TEMPLATE, ID, STRANGER, "Mine now", Visibility.PRIVATE))
               .expectNoEvents()
               .expectException(rejected(Kind.FORBIDDEN));

        assertThat(templates.saved).isEmpty();
    }

    @Test
    void aTemplateNeedsAName() {
        fixture.given(created())
               .when(new SaveTemplate(TEMPLATE, ID, OWNER, "   ", Visibility.PRIVATE))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);

        assertThat(templates.saved).isEmpty();
    }

    @Test
    void aTemplateNameIsCountedInCharactersNotCodeUnits() {
        String dragons = "\uD83D\uDC09".repeat(64);
        fixture.given(created())
               .when(new SaveTemplate(TEMPLATE, ID, OWNER, dragons, Visibility.PRIVATE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();

        assertThat(templates.saved).singleElement()
                .satisfies(saved -> assertThat(((TemplateSaved) saved).name()).isEqualTo(dragons));
    }

    @Test
    void aTemplateNameOfSixtyFiveCharactersIsRefused() {
        fixture.given(created())
               .when(new SaveTemplate(TEMPLATE, ID, OWNER, "n".repeat(65), Visibility.PRIVATE))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    private static CharacterCreated created() {
        return new CharacterCreated(ID, OWNER, "Gimli", Race.DWARF, CharacterClass.FIGHTER, ATTRIBUTES, null,
                List.of(), List.of());
    }

    /** A template repository that creates the template in a stub lifecycle and keeps what it applied. */
    private static final class CapturingTemplates implements Repository<TemplateAggregate> {

        private final List<Object> saved = new ArrayList<>();

        @Override
        public Aggregate<TemplateAggregate> newInstance(Callable<TemplateAggregate> factory) throws Exception {
            StubAggregateLifecycle lifecycle = new StubAggregateLifecycle();
            lifecycle.activate();
            try {
                factory.call();
            } finally {
                lifecycle.close();
            }
            saved.addAll(lifecycle.getAppliedEventPayloads());
            return null;
        }

        @Override
        public Aggregate<TemplateAggregate> load(String aggregateIdentifier) {
            throw new UnsupportedOperationException("a template is never loaded to be saved");
        }

        @Override
        public Aggregate<TemplateAggregate> load(String aggregateIdentifier, Long expectedVersion) {
            throw new UnsupportedOperationException("a template is never loaded to be saved");
        }

        @Override
        public void send(Message<?> message, ScopeDescriptor scopeDescription) {
        }

        @Override
        public boolean canResolve(ScopeDescriptor scopeDescription) {
            return false;
        }
    }
}
