package app.characters.infra.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads ISO-8601 times from query parameters. */
final class Times {

    /** Years the database can compare against; ISO-8601 allows far more, PostgreSQL does not. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Times() {
    }

    static Instant parse(String field, String value) {
        Instant time;
        try {
            time = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            throw InvalidRequest.of(field, "must be an ISO-8601 time such as 2026-11-24T10:00:00Z");
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw InvalidRequest.of(field, "must be a time between the years 0001 and 9999");
        }
        return time;
    }
}
