package app.characters.infra.backup;

import app.characters.infra.eventstore.AppendLock;
import app.characters.infra.eventstore.EventImport;
import app.characters.infra.progress.Progress;
import app.characters.infra.projection.ProjectionRebuild;
import app.characters.query.character.DeferredIndexes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.springframework.stereotype.Component;

/**
 * Replays backup files into an empty event store and rebuilds every read table from them.
 *
 * <p>Nothing is written until the chain of full backup and increments is seen to be whole. The files
 * are then read through once, every byte and line checked as it goes by, and their events go in,
 * verbatim, through one COPY in one transaction, the store's indexes built again after it: all or nothing,
 * as a fault found in any file rolls it back (a store that gained an event meanwhile is refused). The global
 * index sequence moves past them, and the read tables and the account claims are rebuilt.
 */
@Component
public class Restore {

    private final DataSource dataSource;
    private final ProjectionRebuild projections;
    private final Clock clock;

    Restore(DataSource dataSource, ProjectionRebuild projections, Clock clock) {
        this.dataSource = dataSource;
        this.projections = projections;
        this.clock = clock;
    }

    /**
     * What a restore did. {@code stampedEarlierLeftOut}: events after the cut of {@code until} that are stamped at or
     * before it, written later with an earlier time (as {@code seed} stamps the history it makes up); the restore
     * keeps the store's order, so they are left out, and the command says so.
     */
    public record Restored(int files, long events, Long lastGlobalIndex, Duration importTime,
                           ProjectionRebuild.Rebuilt rebuilt, Duration elapsed, long stampedEarlierLeftOut) {
    }

    /**
     * Restores the chain the files make (given in any order: one full backup and the increments that
     * follow it); with {@code until}, stops before the first event stamped after that time.
     */
    public Restored restore(List<Path> files, Instant until, Progress progress) {
        Instant started = clock.instant();
        if (files.isEmpty()) {
            throw new BackupException("name at least one backup file");
        }
        refuseUnlessEmpty();
        List<Path> chain = chain(files);
        long total = 0;
        for (Path file : chain) {
            total += BackupReader.manifest(file).eventCount();
        }
        Instant importStarted = clock.instant();
        long imported;
        long leftOut;
        Long[] last = new Long[1];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // the append lock first, as every writer takes it: a backup or rebuild holding it exclusively and reading
                // the store would otherwise wait on the table lock while this waits on theirs, a cycle PostgreSQL cannot see
                AppendLock.holdShared(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("lock table domain_event_entry in access exclusive mode");
                    refuseUnlessEmpty(connection);
                    // empty already: truncated in this transaction, the table takes the copy's rows frozen
                    statement.execute("truncate domain_event_entry");
                }
                // its three unique indexes are built after the copy, each by one sort, instead of row by row
                DeferredIndexes indexes = DeferredIndexes.drop(connection, "domain_event_entry");
                boolean[] stopped = new boolean[1];
                long[] earlierLeftOut = new long[1];
                try (Progress.Bar bar = progress.start("import", total);
                     EventImport.Copy copy = EventImport.copy(connection)) {
                    for (Path file : chain) {
                        // one pass checks and copies: a fault anywhere in a file fails the restore before the
                        // commit, and the rollback takes back what was copied. Events after until are read on,
                        // unused, so that every file is still checked to its end.
                        BackupReader.read(file, event -> {
                            boolean after = until != null && DateTimeUtils.parseInstant(event.timeStamp()).isAfter(until);
                            if (stopped[0] && !after) {
                                earlierLeftOut[0]++;
                            }
                            stopped[0] |= after;
                            if (!stopped[0]) {
                                copy.add(event);
                                last[0] = event.globalIndex();
                            }
                            return true;
                        }, bar);
                    }
                    imported = finish(copy);
                }
                leftOut = earlierLeftOut[0];
                buildAgain(indexes);
                EventImport.advanceSequence(connection);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        } catch (BackupException e) {
            throw e;
        } catch (Exception e) {
            throw new BackupException("the restore failed and wrote nothing: " + e.getMessage(), e);
        }
        Duration importTime = Duration.between(importStarted, clock.instant());
        ProjectionRebuild.Rebuilt rebuilt = projections.rebuild(true, progress);
        return new Restored(chain.size(), imported, last[0], importTime, rebuilt,
                Duration.between(started, clock.instant()), leftOut);
    }

    private static long finish(EventImport.Copy copy) throws SQLException {
        try {
            return copy.finish();
        } catch (SQLException e) {
            throw unlessTwice(e);
        }
    }

    private static void buildAgain(DeferredIndexes indexes) throws SQLException {
        try {
            indexes.build();
        } catch (SQLException e) {
            throw unlessTwice(e);
        }
    }

    private static SQLException unlessTwice(SQLException e) {
        if ("23505".equals(e.getSQLState())) { // unique_violation: the store was empty and locked, so the file repeats itself
            throw new BackupException("the backup holds an event twice; the restore wrote nothing", e);
        }
        return e;
    }

    /** Orders the files as the chain they make, full backup first; refuses gaps, forks and strays. */
    public static List<Path> chain(List<Path> files) {
        Map<UUID, Path> byPredecessor = new HashMap<>();
        Map<Path, Manifest> manifests = new HashMap<>();
        Path full = null;
        for (Path file : files) {
            Manifest manifest = BackupReader.manifest(file);
            if (manifests.values().stream().anyMatch(m -> m.id().equals(manifest.id()))) {
                throw new BackupException(file + " is named twice");
            }
            manifests.put(file, manifest);
            if (manifest.kind() == Manifest.Kind.FULL) {
                if (full != null) {
                    throw new BackupException("two full backups given (" + full + " and " + file + "); give one and its increments");
                }
                full = file;
            } else if (byPredecessor.put(manifest.follows().id(), file) != null) {
                throw new BackupException("two increments follow the same backup " + manifest.follows().file());
            }
        }
        if (full == null) {
            throw new BackupException("no full backup given: an incremental backup restores only after the backup it follows");
        }
        List<Path> chain = new ArrayList<>();
        for (Path file = full; file != null; file = byPredecessor.get(manifests.get(file).id())) {
            chain.add(file);
        }
        if (chain.size() != files.size()) {
            List<Path> strays = new ArrayList<>(files);
            strays.removeAll(chain);
            Manifest stray = manifests.get(strays.get(0));
            throw new BackupException(strays.get(0) + " does not continue the chain: it follows "
                    + stray.follows().file() + ", which is not among the files given");
        }
        return chain;
    }

    private void refuseUnlessEmpty() {
        try (Connection connection = dataSource.getConnection()) {
            refuseUnlessEmpty(connection);
        } catch (SQLException e) {
            throw new BackupException("the event store cannot be read: " + e.getMessage(), e);
        }
    }

    private static void refuseUnlessEmpty(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from (select 1 from domain_event_entry limit 1000001) e");
             ResultSet row = count.executeQuery()) {
            row.next();
            long events = row.getLong(1);
            if (events > 0) {
                throw new BackupException("the event store is not empty (" + (events > 1_000_000 ? "over 1,000,000"
                        : String.format("%,d", events)) + " events): a restore goes only into an empty store, nothing was changed");
            }
        }
    }
}
