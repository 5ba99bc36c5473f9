package app.characters.infra.axon;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * UUIDs from a strong generator of each thread's own. {@link UUID#randomUUID()} draws every id from one generator
 * shared by the whole JVM, behind one lock, reading the kernel's random device: each request makes several ids (its
 * request id, and Axon's id for every command, event and query message), and under load the request threads queue on
 * that lock. Here each thread seeds a DRBG once and then draws without waiting on anyone.
 *
 * <p>Axon's message ids, found here through {@code META-INF/services/org.axonframework.common.IdentifierFactory}, are
 * time-ordered (version 7): an event's id goes into the unique index of the event store, and random ids scattered
 * each change's insert over the whole index, so that after every checkpoint nearly each leaf was written to the WAL
 * whole once more (14 of the 136 MB that 46,606 changes wrote, BENCHMARKS.md, the seventeenth round). Ordered, they
 * go in at the index's right edge. The ids of characters, items and requests stay random (version 4): they are shown
 * to clients, and a version 7 id would tell when it was made.
 */
public final class RandomIds extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    /** A random UUID, as {@link UUID#randomUUID()} makes, without its shared lock. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /**
     * A time-ordered UUID (RFC 9562 version 7): the milliseconds since 1970 in the first 48 bits, then 74 random bits
     * (beside the version and the variant), so that an id made in a later millisecond sorts after, as a number and as
     * text, and ids made in the same millisecond still differ.
     */
    static UUID timeOrdered() {
        byte[] random = new byte[10];
        GENERATOR.get().nextBytes(random);
        long high = System.currentTimeMillis() << 16 | 0x7000L | (random[0] & 0x0fL) << 8 | random[1] & 0xffL;
        long low = ByteBuffer.wrap(random, 2, 8).getLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(high, low);
    }

    @Override
    public String generateIdentifier() {
        return timeOrdered().toString();
    }
}
