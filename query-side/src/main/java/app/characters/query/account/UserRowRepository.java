package app.characters.query.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRowRepository extends JpaRepository<UserRow, UUID> {

    @Query("select u from UserRow u where lower(u.username) = lower(:login) or lower(u.email) = lower(:login)")
    Optional<UserRow> findByLogin(String login);
}
