package app.characters.infra.axon;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

import app.characters.kernel.character.CharacterCommand;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's command bus, except that changes to existing characters that arrive together commit together: one
 * transaction, one append of all their events, one write of the read tables, one wait for the disk, for as many
 * changes as are waiting when a batch starts.
 *
 * <p>A change is queued for the worker that owns its character ({@code app.command-batch.workers}, by the character's
 * id), so a character's changes run one after the other in one thread and no two workers ever wait for the same
 * character. A worker takes every change queued for it (up to {@code app.command-batch.max}), runs each in a unit of
 * work nested in one root unit that holds the transaction, and commits the root. Each change still runs Axon's whole
 * handling (interceptors, its character's lock, its rules); a refused change rolls back its own nested unit only and
 * stores nothing, and a later change to the same character in that batch waits for the next one, so that it sees
 * the character as stored.
 *
 * <p>A change that fails on a statement rather than on a rule (PostgreSQL then aborts the shared transaction) fails
 * the batch as a whole, and the batch runs as below.
 *
 * <p>No change is answered before the root commits. If the root fails before its commit (an append that lost a race
 * with another node, a projection that failed, the database gone), it rolled back as a whole and every change of
 * the batch runs again alone, in its own transaction, so each gets its own outcome, as without batching. If the
 * commit itself fails, whether it landed is unknown, and each change is answered with that failure, as a change
 * alone would be; the changes that waited for the next batch still run.
 *
 * <p>A change's callback, or a continuation of its future, runs on the worker once the batch is done: it must not send
 * a change and wait for it there, which would wait for its own thread. (Handlers may: within a unit of work a
 * command runs in the caller's thread.)
 *
 * <p>Every other command, and every command sent from within a unit of work or a transaction (which it joins), is
 * handled as Axon's bus handles it, in the calling thread. {@code app.command-batch.workers=0} handles changes that way too.
 */
public final class BatchingCommandBus implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(BatchingCommandBus.class);

    /** The resource marking a root unit of work as a batch's. */
    private static final String BATCH = BatchingCommandBus.class.getName() + ".batch";

    private record Queued(CommandMessage<?> command, CommandCallback<Object, Object> callback, UUID characterId,
                          Map<String, String> logContext) {}

    private final SimpleCommandBus handling;
    private final TransactionManager transactions;
    private final int maxBatch;
    private final IntConsumer batchSizes;
    private final List<BlockingQueue<Queued>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param handling     builds the bus that handles each command, given the transaction manager it must use
     * @param transactions the transactions of commands and batches
     * @param batchSizes   told how many changes each batch takes (one for a change alone)
     */
    BatchingCommandBus(Function<TransactionManager, SimpleCommandBus> handling, TransactionManager transactions,
                       int workers, int maxBatch, IntConsumer batchSizes) {
        this.transactions = transactions;
        this.batchSizes = batchSizes;
        this.handling = handling.apply(() -> inBatch() ? NoTransactionManager.INSTANCE.startTransaction()
                : transactions.startTransaction());
        this.maxBatch = Math.max(1, maxBatch);
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            Thread worker = new Thread(() -> work(queue), "command-batch-" + i);
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    /** Whether the current unit of work is a change's within a batch, which runs in the batch's transaction. */
    private static boolean inBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().parent().isPresent()
                && isBatch(CurrentUnitOfWork.get().root());
    }

    /** Whether this root unit of work is a batch's: all its changes share its one transaction. */
    public static boolean isBatch(UnitOfWork<?> root) {
        return root.resources().containsKey(BATCH);
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (c, r) -> { });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        if (queues.isEmpty() || CurrentUnitOfWork.isStarted()
                || TransactionSynchronizationManager.isActualTransactionActive()
                || !(command.getPayload() instanceof CharacterCommand.Change change)) {
            handling.dispatch(command, callback);
            return;
        }
        UUID characterId = change.characterId();
        Queued queued = new Queued(command, (CommandCallback<Object, Object>) callback, characterId,
                MDC.getCopyOfContextMap());
        synchronized (this) {
            // under the lock that stop() takes, so that nothing is queued once the workers may have left
            if (running) {
                queues.get(Math.floorMod(characterId.hashCode(), queues.size())).add(queued);
                return;
            }
        }
        handling.dispatch(command, callback);
    }

    private void work(BlockingQueue<Queued> queue) {
        List<Queued> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                run(batch);
            } catch (InterruptedException e) {
                // changes are still queued for this worker while the bus runs: it goes on until stop()
                log.debug("a command batch worker was interrupted and goes on");
            } catch (RuntimeException | Error e) {
                // run answers every change it takes; this is a defect, and the worker must live on
                log.error("a command batch failed unexpectedly", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Runs these changes as one batch in the calling thread, as a worker would, and answers each (for the tests). */
    List<CompletableFuture<CommandResultMessage<?>>> runTogether(List<CommandMessage<?>> changes) {
        List<CompletableFuture<CommandResultMessage<?>>> answers = new ArrayList<>();
        List<Queued> batch = new ArrayList<>();
        for (CommandMessage<?> change : changes) {
            CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
            answers.add(answer);
            batch.add(new Queued(change, (command, result) -> answer.complete(result),
                    ((CharacterCommand.Change) change.getPayload()).characterId(), null));
        }
        run(batch);
        return answers;
    }

    /** Runs these changes as one batch (one alone as Axon would) and answers each. */
    private void run(List<Queued> batch) {
        batchSizes.accept(batch.size());
        if (batch.size() == 1) {
            alone(batch.get(0));
            return;
        }
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(batch.get(0).command());
        root.resources().put(BATCH, Boolean.TRUE);
        Transaction transaction;
        try {
            transaction = transactions.startTransaction();
        } catch (RuntimeException | Error noTransaction) {
            // without a transaction (no connection, say) no change can run
            root.rollback(noTransaction);
            batch.forEach(q -> answer(q, asCommandResultMessage(noTransaction)));
            return;
        }
        boolean[] committing = {false};
        root.onCommit(u -> {
            committing[0] = true;
            transaction.commit();
        });
        root.onRollback(u -> transaction.rollback());
        List<Queued> taken = new ArrayList<>();
        List<CommandResultMessage<?>> results = new ArrayList<>();
        List<Queued> next = new ArrayList<>();
        Set<UUID> refused = new HashSet<>();
        try {
            for (Queued queued : batch) {
                if (refused.contains(queued.characterId())) {
                    next.add(queued);
                    continue;
                }
                taken.add(queued);
                withLogContext(queued, () -> handling.dispatch(queued.command(), (command, result) -> {
                    if (result.isExceptional()) {
                        refused.add(queued.characterId());
                    }
                    results.add(result);
                }));
                CommandResultMessage<?> last = results.get(results.size() - 1);
                if (last.isExceptional() && fromTheDatabase(last.exceptionResult())) {
                    // PostgreSQL aborted the shared transaction: every later statement would fail, so all run alone
                    throw new IllegalStateException("a change of the batch failed in the database",
                            last.exceptionResult());
                }
            }
            root.commit();
        } catch (RuntimeException | Error failure) {
            if (root.isActive()) {
                rollBack(root, failure);
            }
            if (committing[0]) {
                // the commit itself failed: whether it landed is not known, so nothing may run twice
                taken.forEach(q -> answer(q, asCommandResultMessage(failure)));
                // those that waited for the next batch never ran in this one
                next.forEach(this::alone);
                return;
            }
            log.debug("a batch of {} changes rolled back, each runs alone", taken.size(), failure);
            taken.forEach(this::alone);
            next.forEach(this::alone);
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            answer(taken.get(i), results.get(i));
        }
        if (!next.isEmpty()) {
            run(next);
        }
    }

    /** Whether a change failed on a statement, which aborts PostgreSQL's transaction, rather than on a rule. */
    private static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    /** One caller's answer; a callback that throws must not keep the others of the batch from theirs. */
    private static void answer(Queued queued, CommandResultMessage<?> result) {
        try {
            queued.callback().onResult(queued.command(), result);
        } catch (RuntimeException | Error e) {
            log.error("the callback of a change failed", e);
        }
    }

    private static void rollBack(UnitOfWork<?> root, Throwable failure) {
        try {
            while (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() != root) {
                CurrentUnitOfWork.get().rollback(failure);
            }
            root.rollback(failure);
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
            log.error("a command batch could not be rolled back cleanly", failure);
        }
    }

    private void alone(Queued queued) {
        boolean[] answered = {false};
        try {
            withLogContext(queued, () -> handling.dispatch(queued.command(), (command, result) -> {
                answered[0] = true;
                answer(queued, result);
            }));
        } catch (RuntimeException | Error failure) {
            // a dispatch interceptor's failure, thrown rather than answered: the caller still waits for an answer
            if (!answered[0]) {
                answer(queued, asCommandResultMessage(failure));
            }
        }
    }

    private static void withLogContext(Queued queued, Runnable work) {
        if (queued.logContext() == null) {
            work.run();
            return;
        }
        MDC.setContextMap(queued.logContext());
        try {
            work.run();
        } finally {
            MDC.clear();
        }
    }

    /** Lets the workers finish what is queued, then stop; changes sent after that are handled in the caller's thread. */
    void stop() throws InterruptedException {
        synchronized (this) {
            running = false;
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return handling.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return handling.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return handling.registerDispatchInterceptor(dispatchInterceptor);
    }
}
