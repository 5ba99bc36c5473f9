package app.characters.infra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HandOffOutputStreamTest {

    @Test
    void everyByteArrivesInOrderAndTheTargetStaysOpen() throws IOException {
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);
        boolean[] closed = new boolean[1];
        ByteArrayOutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        try (OutputStream out = new HandOffOutputStream(target, 1_000, "test-hand-off")) {
            int at = 0;
            for (int size : new int[] {1, 999, 1, 1_000, 2_500, 0, 7}) { // within, up to, across and past a buffer
                out.write(bytes, at, size);
                at += size;
            }
            out.write(bytes[at++]);
            out.write(bytes, at, bytes.length - at);
        }

        assertThat(target.toByteArray()).isEqualTo(bytes);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void aFailureOfTheTargetComesOutOfTheStream() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        OutputStream out = new HandOffOutputStream(failing, 16, "test-hand-off");

        assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000; i++) {
                out.write(new byte[16]);
            }
            out.close();
        }).isInstanceOf(IOException.class).hasMessage("disk full");
    }
}
