package app.characters.query.history;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VersionRowRepository extends JpaRepository<VersionRow, VersionRow.Key> {

    Optional<VersionRow> findByCharacterIdAndVersion(UUID characterId, long version);

    Optional<VersionRow> findFirstByCharacterIdAndOccurredAtLessThanEqualOrderByOccurredAtDescVersionDesc(
            UUID characterId, Instant at);

    default Optional<VersionRow> findLastAtOrBefore(UUID characterId, Instant at) {
        return findFirstByCharacterIdAndOccurredAtLessThanEqualOrderByOccurredAtDescVersionDesc(characterId, at);
    }
}
