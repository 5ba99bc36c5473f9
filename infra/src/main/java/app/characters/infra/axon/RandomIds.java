package app.characters.infra.axon;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * UUIDs drawn without a lock shared by the JVM. {@link UUID#randomUUID()} draws every id from one generator shared
 * by the whole JVM, behind one lock, reading the kernel's random device: each request makes several ids (its request
 * id, and Axon's id for every command, event and query message), and under load the request threads queue on that
 * lock. Here the ids shown to clients come from a strong generator (a DRBG) of each thread's own, seeded once, and
 * Axon's message ids from the thread's {@link ThreadLocalRandom}.
 *
 * <p>Axon's message ids, found here through {@code META-INF/services/org.axonframework.common.IdentifierFactory}, are
 * time-ordered (version 7): an event's id goes into the unique index of the event store, and random ids scattered
 * each change's insert over the whole index, so that after every checkpoint nearly each leaf was written to the WAL
 * whole once more (14 of the 136 MB that 46,606 changes wrote, BENCHMARKS.md, the seventeenth round). Ordered, they
 * go in at the index's right edge. The ids of characters, items and requests stay random (version 4) and strong:
 * they are shown to clients, and a version 7 id would tell when it was made.
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
     *
     * <p>The random bits come from the thread's {@link ThreadLocalRandom}, not from a strong generator: a message id
     * must be unique and is never a secret (no client sees one, nothing is granted by knowing one), and the strong
     * generator's hashing was a fortieth of the batch worker's time (BENCHMARKS.md, lever 52). Two ids alike would
     * meet on the event store's unique index, and the change would run again with new ones, as after a lost race.
     */
    static UUID timeOrdered() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = System.currentTimeMillis() << 16 | 0x7000L | random.nextInt(0x1000);
        long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(high, low);
    }

    @Override
    public String generateIdentifier() {
        return timeOrdered().toString();
    }
}
