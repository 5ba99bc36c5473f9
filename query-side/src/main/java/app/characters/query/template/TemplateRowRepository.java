package app.characters.query.template;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TemplateRowRepository extends JpaRepository<TemplateRow, UUID> {

    @Query("""
            select t from TemplateRow t
            where t.ownerId = :viewer or t.visibility = app.characters.kernel.character.Visibility.PUBLIC
            """)
    Page<TemplateRow> findVisibleTo(UUID viewer, Pageable pageable);
}
