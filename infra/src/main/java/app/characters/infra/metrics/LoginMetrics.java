package app.characters.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Refused logins, {@code characters_logins_failed_total}: a rise is someone guessing passwords. */
@Component
public class LoginMetrics {

    private final Counter failed;

    LoginMetrics(MeterRegistry registry) {
        this.failed = Counter.builder("characters.logins.failed")
                .description("Logins refused for a wrong login or password")
                .register(registry);
    }

    public void failed() {
        failed.increment();
    }
}
