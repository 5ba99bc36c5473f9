package app.characters.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.infra.support.Api.Answer;
import app.characters.infra.support.Api.User;
import app.characters.infra.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A request's JSON body: its charset, and what stands for no body at all. */
class RequestBodiesTest extends ServiceTest {

    @Test
    void aBodyInTheCharsetItsContentTypeNamesIsDecodedFromIt() {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Plain").id();

        Answer renamed = api.rawBytes("PUT", path(id) + "/name", owner.token(), "application/json; charset=ISO-8859-1",
                "{\"name\":\"Zoë Åsa\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Zoë Åsa");
    }

    @Test
    void aBodyInUtf16IsReadAsJacksonDetectsIt() {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Plain").id();

        Answer renamed = api.rawBytes("PUT", path(id) + "/name", owner.token(), "application/json;charset=UTF-16BE",
                "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_16BE));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Zoë");
    }

    @Test
    void aMissingBodyIsA400NamingWhatIsMissingAndChangesNothing() {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Unchanged").id();

        Answer refused = api.rawBytes("POST", path(id) + "/experience", owner.token(), "application/json", new byte[0]);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("detail")).isEqualTo("a JSON body is required");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void aBodyOfJsonsNullIsA400AsAMissingOneIs() {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Unchanged").id();

        Answer refused = api.rawBytes("PUT", path(id) + "/visibility", owner.token(), "application/json",
                "null".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).isEqualTo("a JSON body is required");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        User owner = api.signUp();
        UUID id = api.createCharacter(owner, "Unchanged").id();

        Answer refused = api.rawBytes("POST", path(id) + "/experience", owner.token(), "application/json",
                "{\"amount\":5,\"reason\":\"x\",\"bonus\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).isEqualTo("unknown field bonus");
        assertThat(eventCount(id)).isEqualTo(1);
    }
}
