package app.characters.query.character;

import app.characters.kernel.character.CharacterSheet;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The latest committed sheets of the characters changed or read lately. A version is a fold of the character's
 * events up to it, which are stored for good, so a sheet of that version is what the stored row holds, whichever
 * node wrote it:
 * <ul>
 * <li>a live change folds its event over the sheet kept here when it is exactly the version before the event's,
 * instead of reading and parsing the stored row;
 * <li>a read of the current state takes the sheet kept here when the stored row is at its version, and keeps the
 * one it parsed otherwise, so the hottest read neither fetches nor parses the state of a character lately seen.
 * </ul>
 * A sheet is kept only once its transaction has committed (or read outside one). That a row's state is the fold of
 * its version holds for every build with the same fold: a build that folds differently (a release that changes what
 * an event does to a sheet) rebuilds the read tables with the running nodes stopped, or restarts them after.
 */
@Component
final class CommittedSheets {

    /** The sheets of this many characters changed or read last are kept in memory, a few kilobytes each. */
    private static final int KEPT_SHEETS = 5_000;

    private final Map<UUID, CharacterSheet> sheets;

    CommittedSheets() {
        this(KEPT_SHEETS);
    }

    CommittedSheets(long maximumSize) {
        this.sheets = Caffeine.newBuilder().maximumSize(maximumSize).<UUID, CharacterSheet>build().asMap();
    }

    /** The sheet that the event of {@code version} folds over, if it is the one kept. */
    CharacterSheet before(UUID characterId, long version) {
        CharacterSheet sheet = sheets.get(characterId);
        return sheet != null && sheet.version() == version - 1 ? sheet : null;
    }

    /** The latest sheet kept of the character, whatever its version; null if none is. */
    CharacterSheet latest(UUID characterId) {
        return sheets.get(characterId);
    }

    /**
     * Keeps these sheets once the database transaction that writes them commits, and none outside one: a unit of
     * work's own commit is not that when it runs inside a wider transaction (a seed's), which may still roll back.
     */
    void keepOnCommit(List<CharacterSheet> written) {
        if (!written.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    written.forEach(CommittedSheets.this::committed);
                }
            });
        }
    }

    void committed(CharacterSheet sheet) {
        sheets.merge(sheet.id(), sheet, (kept, now) -> now.version() >= kept.version() ? now : kept);
    }
}
