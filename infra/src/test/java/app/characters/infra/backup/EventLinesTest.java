package app.characters.infra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.characters.infra.eventstore.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    @Test
    void jsonPayloadsComeBackByteForByteAndStayReadableInTheLine() throws IOException {
        byte[] payload = utf8("{\"name\": \"Zoë \\\"the\\\" Bold\" ,\"n\":1.50,\"list\":[ 1,2 ],\"emoji\":\"\uD83D\uDC09\"}");
        byte[] metaData = utf8("{\"actorId\":\"b5a7\"}");
        String line = write(event(payload, metaData));

        assertThat(line).contains("\"payload\":{\"name\": \"Zoë");
        assertThat(line).endsWith("}\n");
        StoredEvent back = read(line);
        assertThat(back.payload()).isEqualTo(payload);
        assertThat(back.metaData()).isEqualTo(metaData);
        assertThat(back.globalIndex()).isEqualTo(41L);
        assertThat(back.timeStamp()).isEqualTo("2026-11-24T10:00:00.123Z");
        assertThat(back.payloadRevision()).isNull();
    }

    @Test
    void bytesThatAreNotOneLineOfJsonGoAsBase64() throws IOException {
        byte[][] odd = {
            utf8("{\"a\":\n1}"), utf8(" {\"a\":1}"), utf8("\"text\""), utf8("42"), utf8("{\"a\":1}{}"),
            utf8("{\"a\":1"), {(byte) 0xC3, (byte) 0x28}, new byte[0], utf8("{\"a\":\"\u0000\"}")
        };
        for (byte[] payload : odd) {
            String line = write(event(payload, null));
            assertThat(read(line).payload()).isEqualTo(payload);
            assertThat(read(line).metaData()).isNull();
        }
        assertThat(write(event(utf8("42"), null))).contains("\"payload_base64\":\"NDI=\"");
    }

    @Test
    void aLineMissingAColumnOrCarryingAStrangeOneIsRefused() throws IOException {
        String line = write(event(utf8("{}"), utf8("{}"))).strip();
        assertThatThrownBy(() -> read(line.replace("\"sequence_number\":3,", "")))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> read(line.replace("{\"global_index\"", "{\"colour\":1,\"global_index\"")))
                .hasMessageContaining("unknown field colour");
        assertThatThrownBy(() -> read(line + " []")).hasMessageContaining("after the object");
        assertThatThrownBy(() -> read(line.substring(0, line.length() - 5))).hasMessageContaining("not valid JSON");
    }

    private static StoredEvent event(byte[] payload, byte[] metaData) {
        return new StoredEvent(41L, "e-1", "c3b0", 3, "CharacterAggregate", "2026-11-24T10:00:00.123Z",
                "app.Event$Happened", null, payload, metaData);
    }

    private static String write(StoredEvent event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventLines.write(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static StoredEvent read(String line) {
        byte[] bytes = utf8(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
        return EventLines.read(bytes, bytes.length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
