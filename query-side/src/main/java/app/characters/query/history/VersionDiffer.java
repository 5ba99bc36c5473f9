package app.characters.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import java.util.List;
import org.springframework.stereotype.Component;

/** RFC 6902 patches between two stored states, computed by zjsonpatch. */
@Component
public class VersionDiffer {

    /** Fields every version changes; a diff of the character leaves them out. */
    public static final List<String> BOOKKEEPING = List.of("version", "updatedAt");

    private final ObjectMapper mapper;

    public VersionDiffer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String diff(String fromState, String toState) {
        try {
            JsonNode patch = JsonDiff.asJson(content(fromState), content(toState));
            return mapper.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored character state is not readable", e);
        }
    }

    private JsonNode content(String state) throws JsonProcessingException {
        ObjectNode node = (ObjectNode) mapper.readTree(state);
        node.remove(BOOKKEEPING);
        return node;
    }
}
