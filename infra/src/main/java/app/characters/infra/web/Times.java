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
            OffsetDateTime time = OffsetDateTime.parse(value.strip());
            // Four-digit years only (RFC 3339): wider ones parse, but the database cannot compare them.
            if (time.getYear() < 1 || time.getYear() > 9999) {
                throw InvalidRequest.of(field, "must be an ISO-8601 time with a year from 0001 to 9999");
            }
            return time.toInstant();
        } catch (DateTimeParseException notIso) {
            throw InvalidRequest.of(field, "must be an ISO-8601 time such as 2026-11-24T10:00:00Z");
        }
    }
}
