package app.characters.infra.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's JSON serializer, which looks up the class of a stored type by name for every message it reads: here each
 * type's class is looked up once (a rebuild reads a million events of a dozen types). A type whose class is missing
 * stays unknown, as Axon's serializer would keep it.
 */
final class AxonJson extends JacksonSerializer {

    private static final int MOST_TYPES = 1_000;

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    AxonJson(Builder builder) {
        super(builder);
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
}
