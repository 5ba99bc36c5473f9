package app.characters.infra.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads ISO-8601 times from query parameters. */
final class Times {

    private Times() {
    }

    static Instant parse(String field, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            throw InvalidRequest.of(field, "must be an ISO-8601 time such as 2026-11-24T10:00:00Z");
        }
    }
}
