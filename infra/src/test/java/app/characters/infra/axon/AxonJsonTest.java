package app.characters.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.characters.kernel.character.CharacterEvent.ExperienceGained;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The serializer reads what Axon's own reads, metadata included, however often it reads a type. */
class AxonJsonTest {

    private final AxonJson ours = new AxonJson(JacksonSerializer.builder().objectMapper(new ObjectMapper()));
    private final JacksonSerializer axons = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();

    @Test
    void metadataReadsAsAxonsOwnDeserializerReadsIt() {
        Map<String, Object> values = new HashMap<>();
        values.put("actorId", UUID.randomUUID().toString());
        values.put("traceId", "a \"quoted\" \u00e9 value");
        values.put("count", 42);
        values.put("big", 12_345_678_901L);
        values.put("ratio", 0.5);
        values.put("flag", true);
        values.put("nothing", null);
        values.put("nested", Map.of("list", List.of(1, "two", Map.of("three", 3)), "empty", Map.of()));
        MetaData written = MetaData.from(values);

        SerializedObject<byte[]> bytes = ours.serialize(written, byte[].class);
        MetaData read = ours.deserialize(bytes);

        assertThat(read).isEqualTo(axons.deserialize(bytes)).isEqualTo(written);
        assertThat((MetaData) ours.deserialize(metadata("{}"))).isEmpty();
        assertThat((MetaData) ours.deserialize(metadata("{\"actorId\":\"x\",\"n\":[1,{\"a\":null}]}")))
                .isEqualTo(axons.deserialize(metadata("{\"actorId\":\"x\",\"n\":[1,{\"a\":null}]}")));
    }

    @Test
    void metadataThatIsNoObjectFailsAsItDoesInAxon() {
        assertThatThrownBy(() -> ours.deserialize(metadata("[\"actorId\"]"))).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> ours.deserialize(metadata("\"actorId\""))).isInstanceOf(SerializationException.class);
    }

    @Test
    void aPayloadTypeReadManyTimesReadsTheSameEachTime() {
        UUID character = UUID.randomUUID();
        for (int amount = 1; amount <= 3; amount++) {
            ExperienceGained event = new ExperienceGained(character, amount, "quest " + amount, amount * 10L, 1);
            SerializedObject<byte[]> bytes = ours.serialize(event, byte[].class);
            assertThat((Object) ours.deserialize(bytes)).isEqualTo(event).isEqualTo(axons.deserialize(bytes));
        }
    }

    private static SerializedObject<byte[]> metadata(String json) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(MetaData.class.getName(), null));
    }
}
