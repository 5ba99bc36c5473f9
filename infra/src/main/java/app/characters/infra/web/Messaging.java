package app.characters.infra.web;

import app.characters.infra.axon.Actors;
import app.characters.infra.security.Actor;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Component;

/**
 * Sends commands and queries through Axon's gateways and gives back the handler's own exception,
 * so the error handler sees the domain's reason and not a wrapper.
 */
@Component
public class Messaging {

    private final CommandGateway commands;
    private final QueryGateway queries;

    Messaging(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public <R> R send(Object command, Actor actor) {
        MetaData metaData = actor == null ? MetaData.emptyInstance() : MetaData.with(Actors.ACTOR_ID, actor.userId().toString());
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
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
