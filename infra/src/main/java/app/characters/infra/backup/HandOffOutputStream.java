package app.characters.infra.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Buffers what is written to it and hands each full buffer to a thread of its own, which writes it to
 * the target: the backup's compression and checksums then run beside the reading of the rows and the
 * making of the lines, on the other core, instead of after them. A fixed number of buffers go round,
 * so memory stays flat. {@link #close} writes what is left and waits for the thread, but leaves the
 * target open; a failure of the thread comes out of the next write or of close.
 */
final class HandOffOutputStream extends OutputStream {

    private static final int BUFFERS = 4;

    /** A buffer and how much of it holds bytes; the one without a buffer ends the writing. */
    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(null, 0);

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final FutureTask<Void> writer;
    private byte[] buffer;
    private int length;
    private boolean closed;

    HandOffOutputStream(OutputStream target, int bufferSize, String threadName) {
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[bufferSize]);
        }
        buffer = free.remove();
        writer = new FutureTask<>(() -> {
            for (Chunk chunk = full.take(); chunk != END; chunk = full.take()) {
                target.write(chunk.bytes(), 0, chunk.length());
                free.put(chunk.bytes());
            }
            return null;
        });
        Thread thread = new Thread(writer, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        while (count > 0) {
            if (length == buffer.length) {
                handOff();
            }
            int n = Math.min(count, buffer.length - length);
            System.arraycopy(bytes, offset, buffer, length, n);
            length += n;
            offset += n;
            count -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (length > 0) {
            put(new Chunk(buffer, length));
        }
        put(END);
        waitForWriter();
    }

    private void handOff() throws IOException {
        put(new Chunk(buffer, length));
        length = 0;
        try {
            while ((buffer = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                failIfWriterStopped();
            }
        } catch (InterruptedException e) {
            throw stop(e);
        }
    }

    private void put(Chunk chunk) throws IOException {
        try {
            while (!full.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                failIfWriterStopped();
            }
        } catch (InterruptedException e) {
            throw stop(e);
        }
    }

    /** The writer stops early only when it failed: its failure becomes this stream's. */
    private void failIfWriterStopped() throws IOException {
        if (writer.isDone()) {
            waitForWriter();
            throw new IOException("the writing thread stopped");
        }
    }

    private void waitForWriter() throws IOException {
        try {
            writer.get();
        } catch (InterruptedException e) {
            throw stop(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private InterruptedIOException stop(InterruptedException e) {
        writer.cancel(true);
        Thread.currentThread().interrupt();
        InterruptedIOException stopped = new InterruptedIOException("interrupted while writing");
        stopped.initCause(e);
        return stopped;
    }
}
