package app.characters.query.character;

import static org.assertj.core.api.Assertions.assertThat;

import app.characters.kernel.character.Attributes;
import app.characters.kernel.character.CharacterClass;
import app.characters.kernel.character.CharacterSheet;
import app.characters.kernel.character.CharacterStatus;
import app.characters.kernel.character.Race;
import app.characters.kernel.character.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommittedSheetsTest {

    private static final UUID ID = UUID.randomUUID();

    private static CharacterSheet sheet(UUID id, long version) {
        Attributes attributes = new Attributes(10, 10, 10, 10, 10, 10);
        return new CharacterSheet(id, UUID.randomUUID(), "Ada", Race.values()[0], CharacterClass.values()[0], attributes,
                null, 0, 1, Visibility.PRIVATE, CharacterStatus.ACTIVE, List.of(), List.of(), null, version,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void givesASheetOnlyAsTheOneRightBeforeAnEventsVersion() {
        CommittedSheets sheets = new CommittedSheets(10);
        CharacterSheet third = sheet(ID, 3);
        sheets.committed(third);

        assertThat(sheets.before(ID, 4)).isSameAs(third);
        assertThat(sheets.before(ID, 3)).isNull(); // a redelivered event: the stored row decides
        assertThat(sheets.before(ID, 5)).isNull(); // another node wrote version 4
        assertThat(sheets.before(UUID.randomUUID(), 4)).isNull();
    }

    @Test
    void keepsTheLatestVersionWhicheverCommitsLast() {
        CommittedSheets sheets = new CommittedSheets(10);
        sheets.committed(sheet(ID, 5));
        sheets.committed(sheet(ID, 4));

        assertThat(sheets.before(ID, 6)).extracting(CharacterSheet::version).isEqualTo(5L);
        assertThat(sheets.before(ID, 5)).isNull();
        assertThat(sheets.latest(ID)).extracting(CharacterSheet::version).isEqualTo(5L);
        assertThat(sheets.latest(UUID.randomUUID())).isNull();
    }
}
