package app.characters.query.skill;

import app.characters.kernel.character.SkillCategory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SkillRowRepository extends JpaRepository<SkillRow, String> {

    Page<SkillRow> findByCategory(SkillCategory category, Pageable pageable);
}
