package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.characters.kernel.character.CharacterCommand.GainExperience;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static final class NoRecord {
        @TargetAggregateIdentifier
        private final String id = "plain";
    }

    private VersionedAggregateIdentifier target(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }

    @Test
    void findsTheCharacterOfACommandAsAxonsAnnotationResolverDoes() {
        UUID id = UUID.randomUUID();
        VersionedAggregateIdentifier target = target(new GainExperience(id, UUID.randomUUID(), null, 10, "quest"));

        assertThat(target).isEqualTo(AnnotationCommandTargetResolver.builder().build()
                .resolveTarget(GenericCommandMessage.asCommandMessage(new GainExperience(id, UUID.randomUUID(), 3L, 10, "quest"))));
        assertThat(target.getIdentifierValue()).isEqualTo(id);
        assertThat(target.getVersion()).isNull();
        assertThat(targets.resolvesItself(GainExperience.class)).isTrue();
    }

    @Test
    void leavesCommandsOfOtherShapesToAxon() {
        assertThat(target(new Versioned("a", 3L))).isEqualTo(new VersionedAggregateIdentifier("a", 3L));
        assertThat(target(new NoRecord()).getIdentifier()).isEqualTo("plain");
        assertThat(targets.resolvesItself(Versioned.class)).isFalse();
        assertThat(targets.resolvesItself(NoRecord.class)).isFalse();
    }

    @Test
    void refusesACommandWithoutItsTarget() {
        assertThatThrownBy(() -> target(new GainExperience(null, UUID.randomUUID(), null, 10, "quest")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not identify the target aggregate");
    }
}
