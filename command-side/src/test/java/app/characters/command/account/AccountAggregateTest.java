package app.characters.command.account;

import static app.characters.command.RejectedMatcher.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.account.AccountMessages.RegisterUser;
import app.characters.kernel.account.AccountMessages.UserRegistered;
import app.characters.kernel.account.Role;
import app.characters.kernel.common.Rejected.Kind;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountAggregateTest {

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuv";

    private FixtureConfiguration<AccountAggregate> fixture;
    private InMemoryAccountClaims claims;

    @BeforeEach
    void setUp() {
        claims = new InMemoryAccountClaims();
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
        fixture.registerInjectableResource(claims);
    }

    @Test
    void registrationEmitsUserRegistered() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "ada", "ada@example.org", HASH, Role.USER))
               .expectEvents(new UserRegistered(USER, "ada", "ada@example.org", HASH, Role.USER));
    }

    @Test
    void registrationClaimsUsernameAndEmail() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "Ada", "Ada@Example.org", HASH, Role.USER))
               .expectSuccessfulHandlerExecution();

        assertThat(claims.claimed()).containsExactlyInAnyOrder("USERNAME:ada", "EMAIL:ada@example.org");
    }

    @Test
    void takenUsernameIsAConflict() {
        claims.claim(UUID.randomUUID(), "ada", "someone@example.org");

        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "ada", "ada@example.org", HASH, Role.USER))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void usernameIsTakenWhateverItsCase() {
        claims.claim(UUID.randomUUID(), "Ada", "someone@example.org");

        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "aDA", "ada@example.org", HASH, Role.USER))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void takenEmailIsAConflictWhateverItsCase() {
        claims.claim(UUID.randomUUID(), "someone", "ada@example.org");

        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "ada", "ADA@Example.ORG", HASH, Role.USER))
               .expectNoEvents()
               .expectException(rejected(Kind.CONFLICT));
    }

    @Test
    void invalidUsernameIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "a b", "ada@example.org", HASH, Role.USER))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void invalidEmailIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "ada", "not-an-address", HASH, Role.USER))
               .expectNoEvents()
               .expectException(IllegalArgumentException.class);
    }

    @Test
    void refusedRegistrationClaimsNothing() {
        fixture.givenNoPriorActivity()
               .when(new RegisterUser(USER, "ab", "ada@example.org", HASH, Role.USER))
               .expectException(IllegalArgumentException.class);

        assertThat(claims.claimed()).isEmpty();
    }
}
