package app.characters.query.history;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface VersionRowRepository extends JpaRepository<VersionRow, VersionRow.Key> {

    @Query("select v from VersionRow v where v.characterId = :characterId order by v.version desc")
    Page<VersionRow> findNewestFirst(UUID characterId, Pageable pageable);

    Optional<VersionRow> findByCharacterIdAndVersion(UUID characterId, long version);

    Optional<VersionRow> findFirstByCharacterIdAndOccurredAtLessThanEqualOrderByOccurredAtDescVersionDesc(
            UUID characterId, Instant at);

    default Optional<VersionRow> findLastAtOrBefore(UUID characterId, Instant at) {
        return findFirstByCharacterIdAndOccurredAtLessThanEqualOrderByOccurredAtDescVersionDesc(characterId, at);
    }
}
