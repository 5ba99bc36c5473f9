package app.characters.infra.axon;

import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * A projection's processor on a command-only node: it exists, so that health and the dead-letter commands see the
 * projection, but it never reads the event stream and never claims a segment. Axon starts only processors that
 * take part in its lifecycle, which this one does not.
 */
final class IdleProcessor implements EventProcessor {

    private final String name;

    IdleProcessor(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<MessageHandlerInterceptor<? super EventMessage<?>>> getHandlerInterceptors() {
        return List.of();
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super EventMessage<?>> handlerInterceptor) {
        return () -> true;
    }

    @Override
    public void start() {
        // idle by design: the other nodes run this projection
    }

    @Override
    public void shutDown() {
        // nothing runs
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    @Override
    public boolean isError() {
        return false;
    }
}
