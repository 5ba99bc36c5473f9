package app.characters.infra.web;

import app.characters.kernel.character.CharacterSheet;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * Writes a character's sheet as JSON, rendering each version once: a version is a fold of events stored for good,
 * so the sheet of a character at a version, and its JSON, are the same whoever asks and whenever. The JSON of the
 * latest version answered of each of the characters answered lately is kept, written by the service's own
 * {@link ObjectMapper}, so that it is byte for byte what Spring's Jackson converter writes; a GET of a character
 * that has not changed since writes those bytes instead of walking the sheet again (BENCHMARKS.md, lever 39).
 * A bean, so Spring Boot puts it before the Jackson converter; it reads nothing.
 */
@Component
class SheetJsonConverter extends AbstractHttpMessageConverter<CharacterSheet> {

    /** The JSON of this many characters' latest sheets answered, a few kilobytes each. */
    private static final int KEPT = 5_000;

    private record Rendered(long version, byte[] json) {
    }

    private final ObjectMapper json;
    private final Cache<UUID, Rendered> rendered = Caffeine.newBuilder().maximumSize(KEPT).build();

    SheetJsonConverter(ObjectMapper json) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return CharacterSheet.class.equals(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CharacterSheet readInternal(Class<? extends CharacterSheet> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a character sheet is never read from a request", input);
    }

    @Override
    protected void writeInternal(CharacterSheet sheet, HttpOutputMessage output) throws IOException {
        output.getBody().write(render(sheet));
    }

    /** The sheet's JSON, as this converter writes it. */
    byte[] render(CharacterSheet sheet) throws IOException {
        Rendered kept = rendered.getIfPresent(sheet.id());
        if (kept != null && kept.version() == sheet.version()) {
            return kept.json();
        }
        byte[] bytes = json.writeValueAsBytes(sheet);
        if (kept == null || kept.version() < sheet.version()) {
            rendered.put(sheet.id(), new Rendered(sheet.version(), bytes));
        }
        return bytes;
    }
}
