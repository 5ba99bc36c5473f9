package app.characters.infra.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's JSON serializer, which for every message it reads looks up the class of the stored type by name, makes a
 * reader for that class and, for the metadata, looks up a map deserializer: here each type's class and reader are
 * made once (a rebuild reads a million events of a dozen types), and metadata is read as the flat object this service
 * writes, with any nested value read as Axon's deserializer reads it. A type whose class is missing stays unknown, as
 * Axon's serializer would keep it.
 */
final class AxonJson extends JacksonSerializer {

    private static final int MOST_TYPES = 1_000;

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    AxonJson(Builder builder) {
        super(builder);
        // registered after Axon's own metadata module, so it is the one the mapper finds
        getObjectMapper().registerModule(new SimpleModule("flat-metadata").addDeserializer(MetaData.class, new FlatMetaData()));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        ObjectReader known = readers.get(type);
        if (known == null) {
            known = super.getReader(type);
            if (readers.size() < MOST_TYPES) {
                readers.put(type, known);
            }
        }
        return known;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type);
        if (known == null) {
            known = super.classForType(type);
            if (classes.size() < MOST_TYPES) {
                classes.put(type, known);
            }
        }
        return known;
    }

    /** Metadata read field by field: a string as it is, anything else as Axon's own deserializer reads it. */
    static final class FlatMetaData extends StdDeserializer<MetaData> {

        FlatMetaData() {
            super(MetaData.class);
        }

        @Override
        public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String name;
            if (parser.isExpectedStartObjectToken()) {
                name = parser.nextFieldName();
            } else if (parser.hasToken(JsonToken.FIELD_NAME)) { // inside the object already, as a buffering caller hands it
                name = parser.currentName();
            } else {
                return (MetaData) context.handleUnexpectedToken(MetaData.class, parser);
            }
            Map<String, Object> values = new HashMap<>();
            for (; name != null; name = parser.nextFieldName()) {
                values.put(name, parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText()
                        : context.readValue(parser, Object.class));
            }
            return MetaData.from(values);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
                throws IOException {
            return types.deserializeTypedFromObject(parser, context);
        }
    }
}
