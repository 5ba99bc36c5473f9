package app.characters.query.character;

import app.characters.kernel.character.CharacterClass;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CharacterRowRepository extends JpaRepository<CharacterRow, UUID> {

    @Query("""
            select c from CharacterRow c
            where c.ownerId = :owner
              and (:name is null or lower(c.name) like cast(:name as string) escape '\\')
              and (:characterClass is null or c.characterClass = :characterClass)
            """)
    Page<CharacterRow> findMine(@Param("owner") UUID owner, @Param("name") String name,
                                @Param("characterClass") CharacterClass characterClass, Pageable pageable);

    @Query("""
            select c from CharacterRow c
            where c.visibility = app.characters.kernel.character.Visibility.PUBLIC
              and c.status = app.characters.kernel.character.CharacterStatus.ACTIVE
              and (:name is null or lower(c.name) like cast(:name as string) escape '\\')
              and (:characterClass is null or c.characterClass = :characterClass)
              and c.level >= :minLevel
            """)
    Page<CharacterRow> findPublic(@Param("name") String name, @Param("characterClass") CharacterClass characterClass,
                                  @Param("minLevel") int minLevel, Pageable pageable);
}
