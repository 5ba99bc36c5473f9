package app.characters.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * ExperienceGained revision 1 called the running total {@code total}; revision 2 calls it
 * {@code totalExperience}. Stored events keep their shape forever, so old ones are renamed as they are read.
 */
@Component
@Order(1)
class ExperienceGainedUpcaster extends SingleEventUpcaster {

    static final String TYPE = "app.characters.kernel.character.CharacterEvent$ExperienceGained";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.set("totalExperience", event.remove("total"));
            return event;
        });
    }
}
