package app.characters.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * HTTP/1.1 over kept-alive sockets, no more than the benchmark's loads need: a request with an optional JSON body,
 * an answer whose body has a Content-Length or is chunked. A load generator on the machine it measures must cost
 * the cores as little as it can, and a general client's headers, handlers and caches cost a change's answer as much
 * again as its bytes (see BENCHMARKS.md, the fourteenth round). Connections are pooled and reused; one that the
 * service closes (every hundredth request, Tomcat's keep-alive limit) is dropped, and a request whose reused
 * connection was found closed before any answer came is sent once more on a new one.
 */
final class Wire {

    record Answer(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final ConcurrentLinkedDeque<Link> idle = new ConcurrentLinkedDeque<>();

    Wire(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    Answer exchange(String method, String path, String token, String body) throws IOException {
        byte[] request = request(method, path, token, body);
        Link link = idle.pollFirst();
        if (link != null) {
            try {
                return send(link, request);
            } catch (Stale stale) {
                link.close(); // closed by the service while it was idle: nothing of the request was taken
            }
        }
        return send(new Link(host, port), request);
    }

    private Answer send(Link link, byte[] request) throws IOException {
        boolean reuse = false;
        try {
            try {
                link.out.write(request);
                link.out.flush();
            } catch (IOException e) {
                if (link.used) {
                    throw new Stale(); // reset by the service while it was idle
                }
                throw e;
            }
            Answer answer = link.read();
            reuse = link.keepAlive;
            return answer;
        } finally {
            if (reuse) {
                idle.offerFirst(link);
            } else {
                link.close();
            }
        }
    }

    private byte[] request(String method, String path, String token, String body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] top = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[top.length + content.length];
        System.arraycopy(top, 0, request, 0, top.length);
        System.arraycopy(content, 0, request, top.length, content.length);
        return request;
    }

    /** A reused connection that was closed before any byte of an answer came. */
    private static final class Stale extends IOException {
        Stale() {
            super("connection closed before the answer");
        }
    }

    /** One kept-alive connection. */
    private static final class Link {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean keepAlive;
        private boolean used;

        Link(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }

        Answer read() throws IOException {
            String statusLine = line(used);
            used = true;
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            keepAlive = true;
            for (String header = line(false); !header.isEmpty(); header = line(false)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon);
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    keepAlive = !value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(chunkSize(line(false)), 16); size > 0;
                     size = Integer.parseInt(chunkSize(line(false)), 16)) {
                    body.write(in.readNBytes(size));
                    line(false);
                }
                while (!line(false).isEmpty()) {
                    // trailers, if any
                }
                return new Answer(status, body.toByteArray());
            }
            if (length < 0) {
                keepAlive = false; // the body runs to the connection's end
                return new Answer(status, in.readAllBytes());
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("answer cut short");
            }
            return new Answer(status, body);
        }

        private static String chunkSize(String line) {
            int extension = line.indexOf(';');
            return (extension < 0 ? line : line.substring(0, extension)).trim();
        }

        /** A line without its CRLF; {@code first} of a reused connection: its end before any byte is {@link Stale}. */
        private String line(boolean first) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    if (first && line.length() == 0) {
                        throw new Stale();
                    }
                    throw new EOFException("connection closed in an answer");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more to do with it
            }
        }
    }
}
