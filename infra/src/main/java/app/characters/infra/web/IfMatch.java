package app.characters.infra.web;

/** Reads an If-Match header holding a character version: {@code "3"}, {@code W/"3"} or {@code *}. */
final class IfMatch {

    private IfMatch() {
    }

    /** The version the client expects, or null when it did not ask for one. */
    static Long parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the answer below
        }
        throw InvalidRequest.of("If-Match", "must be a character version such as \"3\"");
    }
}
