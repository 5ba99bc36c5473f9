package app.characters.query.character;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.CharacterStatus;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SheetJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final SheetJson json = new SheetJson(mapper);

    @Test
    void theBytesOfAStateAreTheTextOfItInUtf8EvenBeyondTheBasicPlane() throws Exception {
        CharacterSheet sheet = new CharacterSheet(UUID.randomUUID(), UUID.randomUUID(), "Ada \uD83D\uDC09 Zoë",
                Race.values()[0], CharacterClass.values()[0], new Attributes(10, 11, 12, 13, 14, 15), null, 7, 1,
                Visibility.PRIVATE, CharacterStatus.ACTIVE, List.of(), List.of(), null, 2, Instant.EPOCH,
                Instant.parse("2026-11-25T09:05:27.968Z"));

        byte[] bytes = json.bytes(sheet);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(mapper.writeValueAsString(sheet))
                .contains("Ada \uD83D\uDC09 Zoë");
        assertThat(json.read(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(sheet);
    }
}
