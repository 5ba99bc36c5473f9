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

        assertThat(mapper.readTree(bytes)).isEqualTo(mapper.readTree(mapper.writeValueAsString(sheet)));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Ada \uD83D\uDC09 Zoë");
        assertThat(json.read(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(sheet);
    }

    /**
     * What most changes touch comes first in the stored form, so that two states a gain of experience apart differ
     * only in their first bytes: the summary row's update is logged as the changed bytes alone. Answers keep the
     * API's order.
     */
    @Test
    void theStoredFormPutsWhatMostChangesTouchFirstAndAnswersKeepTheApiOrder() throws Exception {
        CharacterSheet before = new CharacterSheet(UUID.randomUUID(), UUID.randomUUID(), "Ada",
                Race.values()[0], CharacterClass.values()[0], new Attributes(10, 11, 12, 13, 14, 15), null, 7, 1,
                Visibility.PRIVATE, CharacterStatus.ACTIVE, List.of(), List.of(), UUID.randomUUID(), 2, Instant.EPOCH,
                Instant.parse("2026-11-25T09:05:27.968Z"));
        CharacterSheet after = new CharacterSheet(before.id(), before.ownerId(), "Ada", before.race(),
                before.characterClass(), before.attributes(), null, 1_207, 2, before.visibility(), before.status(),
                before.equipment(), before.skills(), before.createdFromTemplate(), 3, before.createdAt(),
                Instant.parse("2026-11-25T09:05:28.112Z"));

        String stored = new String(json.bytes(before), StandardCharsets.UTF_8);
        String next = new String(json.bytes(after), StandardCharsets.UTF_8);

        assertThat(stored).startsWith("{\"version\":2,\"updatedAt\":");
        int unchangedEnd = 0;
        while (stored.charAt(stored.length() - 1 - unchangedEnd) == next.charAt(next.length() - 1 - unchangedEnd)) {
            unchangedEnd++;
        }
        assertThat(stored.substring(stored.length() - unchangedEnd)).startsWith(",\"name\":\"Ada\"");
        assertThat(mapper.writeValueAsString(before)).startsWith("{\"id\":");
    }
}
