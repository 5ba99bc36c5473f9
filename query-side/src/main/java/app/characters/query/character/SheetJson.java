package app.characters.query.character;

import app.characters.kernel.character.CharacterSheet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Reads and writes the JSON form of a character sheet (and of its parts), the form the read tables keep. */
@Component
public class SheetJson {

    private final ObjectMapper mapper;

    public SheetJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CharacterSheet read(String json) {
        try {
            return mapper.readValue(json, CharacterSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored character state is not readable", e);
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
