package app.characters.infra.eventstore;

/**
 * One row of {@code domain_event_entry}, column for column, as the event store keeps it: the payload
 * and metadata are the serializer's bytes, untouched. A null {@code globalIndex} lets the database
 * draw one (seeding); a given one is kept (restoring).
 */
public record StoredEvent(Long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {

    /** The same event with the index the store gave it. */
    public StoredEvent withGlobalIndex(long index) {
        return new StoredEvent(index, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,
                payloadType, payloadRevision, payload, metaData);
    }
}
