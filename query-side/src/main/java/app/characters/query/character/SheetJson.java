package app.characters.query.character;

import app.characters.kernel.character.CharacterSheet;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the JSON form of a character sheet (and of its parts), the form the read tables keep. Only this
 * service writes that form, so reading it skips the duplicate-key check that guards the JSON of requests.
 *
 * <p>The stored form puts first what most events change ({@link StoredOrder}); answers are rendered from the sheet
 * and keep the API's order. PostgreSQL logs an update whose new row stays on its page (a character's summary row,
 * updated by every change) as the bytes between the longest unchanged start and the longest unchanged end of the
 * row: with the state's skills, equipment and ids at its end, that is a small part of the state, not all of it.
 */
@Component
public class SheetJson {

    /** The stored order: the fields that most events change first, the lists and ids that few change last. */
    @JsonPropertyOrder({"version", "updatedAt", "experience", "level", "name", "attributes", "effectiveAttributes",
            "visibility", "status"})
    private interface StoredOrder {
    }

    private final ObjectMapper mapper;
    private final ObjectReader sheetReader;
    private final ObjectWriter sheetWriter;

    public SheetJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.sheetReader = mapper.readerFor(CharacterSheet.class).without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // written as UTF-8 bytes, a character beyond the BMP (an emoji) stays one character, as in a String
        this.sheetWriter = mapper.copy().addMixIn(CharacterSheet.class, StoredOrder.class)
                .writerFor(CharacterSheet.class).with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    public CharacterSheet read(String json) {
        try {
            return sheetReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored character state is not readable", e);
        }
    }

    /** The sheet as UTF-8 JSON, the bytes that a version row stores. */
    byte[] bytes(CharacterSheet sheet) {
        try {
            return sheetWriter.writeValueAsBytes(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a character state cannot be written", e);
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a character state cannot be written", e);
        }
    }
}
