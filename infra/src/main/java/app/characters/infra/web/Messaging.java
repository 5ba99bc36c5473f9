package app.characters.infra.web;

import app.characters.infra.axon.Actors;
import app.characters.infra.axon.ProjectionSettings;
import app.characters.infra.security.Actor;
import app.characters.kernel.common.Rejected;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Sends commands and queries through Axon's gateways and gives back the handler's own exception,
 * so the error handler sees the domain's reason and not a wrapper.
 */
@Component
public class Messaging {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSettings projections;

    Messaging(CommandGateway commands, QueryGateway queries, ProjectionSettings projections) {
        this.commands = commands;
        this.queries = queries;
        this.projections = projections;
    }

    public <R> R send(Object command, Actor actor) {
        try {
            return commands.sendAndWait(message(command, actor));
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /**
     * Sends a command without waiting: the answer is the handler's result, or fails with the handler's own exception.
     * A change to a character is answered by a batch worker once its batch has committed (see
     * {@link app.characters.infra.axon.BatchingCommandBus}); a controller that returns this future frees its request
     * thread meanwhile, so that more changes wait together for one commit than there are request threads.
     */
    public <R> CompletableFuture<R> sendAsync(Object command, Actor actor) {
        CompletableFuture<R> answer;
        try {
            answer = commands.send(message(command, actor));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unwrap(e));
        }
        return answer.handle((result, failure) -> {
            if (failure != null) {
                throw unwrap(failure);
            }
            return result;
        });
    }

    /** The command with its actor's id in its metadata (none for a command no user sends). */
    private static CommandMessage<Object> message(Object command, Actor actor) {
        MetaData metaData = actor == null ? MetaData.emptyInstance() : MetaData.with(Actors.ACTOR_ID, actor.userId().toString());
        return GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
    }

    public <R> R ask(Object query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(type)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", e);
        } catch (ExecutionException | RuntimeException e) {
            throw unwrap(e);
        }
    }

    /**
     * The answer about a row that a command has just written. Subscribing projections wrote it in the command's own
     * transaction, so it is there now. Streaming ones write it a moment later, perhaps on another node, so the query
     * is asked again, at growing intervals, until the row is found or {@code app.projections.read-your-writes-timeout}
     * has passed: empty then, and the change is stored all the same.
     */
    public <R> Optional<R> askAfterWrite(Object query, Class<R> type) {
        if (!projections.streaming()) {
            return Optional.of(ask(query, type));
        }
        long deadline = System.nanoTime() + projections.readYourWritesTimeout().toNanos();
        long pause = 2;
        while (true) {
            try {
                return Optional.of(ask(query, type));
            } catch (Rejected notYet) {
                if (notYet.kind() != Rejected.Kind.NOT_FOUND) {
                    throw notYet;
                }
            }
            if (System.nanoTime() + pause * 1_000_000 > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    /** The answer of a handler that may find nothing; null when it found nothing. */
    public <R> R askOptional(Object query, Class<R> type) {
        try {
            return queries.query(query, ResponseTypes.optionalInstanceOf(type)).get().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", e);
        } catch (ExecutionException | RuntimeException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof CommandExecutionException || cause instanceof QueryExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
