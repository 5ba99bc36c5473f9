package app.characters.infra.database;

import org.flywaydb.core.Flyway;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

@Component
class DatabaseInfoContributor implements InfoContributor {

    private final DatabaseConnection connection;
    private final Flyway flyway;

    DatabaseInfoContributor(DatabaseConnection connection, Flyway flyway) {
        this.connection = connection;
        this.flyway = flyway;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("database", DatabaseReport.of(connection, flyway));
    }
}
