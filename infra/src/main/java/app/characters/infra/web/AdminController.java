package app.characters.infra.web;

import app.characters.infra.axon.DeadLetters;
import app.characters.infra.security.Actor;
import app.characters.kernel.common.Rejected;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations for admins: the events the streaming projections refused, and their retry. */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    record Waiting(long deadLetters, Map<String, Long> processors) {
    }

    record Retried(long retried, long remaining, Map<String, DeadLetters.Retry> processors) {
    }

    private final DeadLetters deadLetters;

    AdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/dead-letters")
    Waiting waiting(Actor actor) {
        requireAdmin(actor);
        Map<String, Long> waiting = deadLetters.waiting();
        return new Waiting(waiting.values().stream().mapToLong(Long::longValue).sum(), waiting);
    }

    /** Retries every waiting letter once: after fixing what made a projection refuse them. */
    @PostMapping("/dead-letters/retry")
    Retried retry(Actor actor) {
        requireAdmin(actor);
        Map<String, DeadLetters.Retry> retried = deadLetters.retryAll();
        return new Retried(retried.values().stream().mapToLong(DeadLetters.Retry::retried).sum(),
                retried.values().stream().mapToLong(DeadLetters.Retry::remaining).sum(), retried);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw Rejected.forbidden("only an admin may see or retry dead letters");
        }
    }
}
