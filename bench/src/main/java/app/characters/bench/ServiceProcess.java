package app.characters.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The service jar as its own process, on a given database. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final String base;

    private ServiceProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static ServiceProcess start(Path jar, String jdbcUrl, int port, Path log) throws IOException, InterruptedException {
        return start(jar, jdbcUrl, port, log, System.getProperty("bench.serviceJvmArgs", ""));
    }

    /** The service of this jar, with these JVM arguments (system properties set settings: {@code -Dapp.x=y}). */
    static ServiceProcess start(Path jar, String jdbcUrl, int port, Path log, String jvmArgs)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx512m"));
        String extra = jvmArgs.trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", jdbcUrl);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("DB_POOL_SIZE", "40");
        ServiceProcess service = new ServiceProcess(builder.start(), "http://localhost:" + port);
        service.awaitHealthy(Duration.ofSeconds(120));
        return service;
    }

    long pid() {
        return process.pid();
    }

    /** The peak resident memory of the process so far, in MB (VmHWM). */
    long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    // the skill catalogue is defined by a start-up runner; wait until skills answer
                    HttpResponse<String> skills = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/skills?size=1")).build(), HttpResponse.BodyHandlers.ofString());
                    if (skills.statusCode() == 200 && !skills.body().contains("\"total\":0")) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the service did not become healthy in " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
