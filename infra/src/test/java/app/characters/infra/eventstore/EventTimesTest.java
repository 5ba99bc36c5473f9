package app.characters.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(EventTimes.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:05:27Z", "2026-11-25T09:05:27.9Z", "2024-02-29T23:59:59.123456789Z",
            "2026-11-25T09:05:27.968+01:00", "2026-11-25T09:05:27.Z", "+12026-11-25T09:05:27.968Z"})
    void readsOtherShapesAsAxonDoes(String stored) {
        assertThat(EventTimes.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T09:05:27.968Z", "2026-11-25T24:05:27.968Z", "2026-11-25T09:05:27.968",
            "2026-1a-25T09:05:27.968Z", "not a time at all, and long"})
    void refusesWhatIsNoTimeAsAxonDoes(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> EventTimes.parse(stored)).isInstanceOf(DateTimeParseException.class);
    }
}
