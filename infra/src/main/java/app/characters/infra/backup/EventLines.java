package app.characters.infra.backup;

import app.characters.infra.eventstore.StoredEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One stored event as one line of JSON, and back. The payload and metadata columns hold the
 * serializer's UTF-8 JSON; they are embedded as JSON values when they are a single-line object or
 * array, and read back by slicing the very bytes of that value out of the line, so they round-trip
 * byte for byte. Anything else (not JSON, not UTF-8, spread over lines) goes as Base64 under
 * {@code payload_base64} / {@code meta_data_base64}.
 */
final class EventLines {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(10_000).maxNumberLength(10_000).build())
            .build();
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private EventLines() {
    }

    /** Writes the event as one line, newline included. */
    static void write(StoredEvent event, OutputStream out) throws IOException {
        // the separators and names go out as constant bytes, the values straight after them: nothing per line is built twice
        out.write(GLOBAL_INDEX);
        number(out, event.globalIndex());
        text(out, EVENT_IDENTIFIER, event.eventIdentifier());
        text(out, AGGREGATE_IDENTIFIER, event.aggregateIdentifier());
        out.write(SEQUENCE_NUMBER);
        number(out, event.sequenceNumber());
        text(out, TYPE, event.type());
        text(out, TIME_STAMP, event.timeStamp());
        text(out, PAYLOAD_TYPE, event.payloadType());
        text(out, PAYLOAD_REVISION, event.payloadRevision());
        bytes(out, PAYLOAD, PAYLOAD_BASE64, event.payload());
        bytes(out, META_DATA, META_DATA_BASE64, event.metaData());
        out.write(END);
    }

    /** Reads one line (without its newline); the message of the exception says what is wrong with it. */
    static StoredEvent read(byte[] line, int length) {
        try (JsonParser parser = JSON.createParser(line, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            Long globalIndex = null;
            Long sequenceNumber = null;
            String eventIdentifier = null;
            String aggregateIdentifier = null;
            String type = null;
            String timeStamp = null;
            String payloadType = null;
            String payloadRevision = null;
            byte[] payload = null;
            byte[] metaData = null;
            int seen = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                int bit;
                switch (field) {
                    case "global_index" -> { bit = 1; globalIndex = longValue(parser, value, field); }
                    case "event_identifier" -> { bit = 2; eventIdentifier = requiredText(parser, value, field); }
                    case "aggregate_identifier" -> { bit = 4; aggregateIdentifier = requiredText(parser, value, field); }
                    case "sequence_number" -> { bit = 8; sequenceNumber = longValue(parser, value, field); }
                    case "type" -> { bit = 16; type = text(parser, value, field); }
                    case "time_stamp" -> { bit = 32; timeStamp = requiredText(parser, value, field); }
                    case "payload_type" -> { bit = 64; payloadType = requiredText(parser, value, field); }
                    case "payload_revision" -> { bit = 128; payloadRevision = text(parser, value, field); }
                    case "payload" -> { bit = 256; payload = embedded(parser, value, line, field); }
                    case "payload_base64" -> { bit = 256; payload = base64(parser, value, field); }
                    case "meta_data" -> { bit = 512; metaData = embedded(parser, value, line, field); }
                    case "meta_data_base64" -> { bit = 512; metaData = base64(parser, value, field); }
                    default -> throw new IllegalArgumentException("unknown field " + field);
                }
                if ((seen & bit) != 0) {
                    throw new IllegalArgumentException("field " + field + " given twice");
                }
                seen |= bit;
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("content after the object");
            }
            if (seen != 1023 || globalIndex == null || sequenceNumber == null || payload == null) {
                throw new IllegalArgumentException("a column is missing");
            }
            return new StoredEvent(globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,
                    payloadType, payloadRevision, payload, metaData);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable (" + e.getMessage() + ")");
        }
    }

    private static final byte[] GLOBAL_INDEX = ascii("{\"global_index\":");
    private static final byte[] EVENT_IDENTIFIER = ascii(",\"event_identifier\":");
    private static final byte[] AGGREGATE_IDENTIFIER = ascii(",\"aggregate_identifier\":");
    private static final byte[] SEQUENCE_NUMBER = ascii(",\"sequence_number\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] TIME_STAMP = ascii(",\"time_stamp\":");
    private static final byte[] PAYLOAD_TYPE = ascii(",\"payload_type\":");
    private static final byte[] PAYLOAD_REVISION = ascii(",\"payload_revision\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":");
    private static final byte[] PAYLOAD_BASE64 = ascii(",\"payload_base64\":");
    private static final byte[] META_DATA = ascii(",\"meta_data\":");
    private static final byte[] META_DATA_BASE64 = ascii(",\"meta_data_base64\":");
    private static final byte[] END = ascii("}\n");
    private static final byte[] NULL = ascii("null");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void number(OutputStream out, Long value) throws IOException {
        out.write(ascii(String.valueOf(value)));
    }

    private static void text(OutputStream out, byte[] name, String value) throws IOException {
        out.write(name);
        if (value == null) {
            out.write(NULL);
        } else {
            out.write('"');
            out.write(QUOTE.quoteAsUTF8(value));
            out.write('"');
        }
    }

    private static void bytes(OutputStream out, byte[] name, byte[] base64Name, byte[] value) throws IOException {
        if (value == null) {
            out.write(name);
            out.write(NULL);
        } else if (embeddable(value)) {
            out.write(name);
            out.write(value);
        } else {
            out.write(base64Name);
            out.write('"');
            out.write(Base64.getEncoder().encode(value));
            out.write('"');
        }
    }

    /** Whether the bytes are exactly one JSON object or array, on one line, in valid UTF-8. */
    static boolean embeddable(byte[] value) {
        int n = value.length;
        if (n < 2 || !(value[0] == '{' || value[0] == '[') || !(value[n - 1] == '}' || value[n - 1] == ']')) {
            return false;
        }
        for (byte b : value) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        if (!Utf8.isValid(value)) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(value)) {
            parser.nextToken();
            parser.skipChildren();
            long end = parser.currentTokenLocation().getByteOffset();
            return end == n - 1 && parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }

    private static byte[] embedded(JsonParser parser, JsonToken value, byte[] line, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(field + " must be a JSON object or array");
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        return Arrays.copyOfRange(line, start, end);
    }

    private static byte[] base64(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " must be a Base64 string");
        }
        try {
            return Base64.getDecoder().decode(parser.getText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not valid Base64");
        }
    }

    private static long longValue(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return parser.getLongValue();
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return parser.getText();
    }

    private static String requiredText(JsonParser parser, JsonToken value, String field) throws IOException {
        String text = text(parser, value, field);
        if (text == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return text;
    }
}
