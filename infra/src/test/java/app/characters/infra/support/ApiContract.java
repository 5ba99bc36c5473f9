package app.characters.infra.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls of the public contract, read from the tables of API.md. The file is a copy of the
 * contract in the shared folder kept in the test resources, so that the build depends on nothing
 * outside the repository: when the contract changes, copy it here again.
 */
public final class ApiContract {

    /** A call: the method and the path, path variables written {@code {}} so that they match by position. */
    public record Call(String method, String path) {
        public static Call of(String method, String path) {
            return new Call(method.toUpperCase(Locale.ROOT), normalize(path));
        }

        /** The same method and path, where a path variable on either side stands for any one segment. */
        public boolean matches(Call other) {
            String[] mine = path.split("/", -1);
            String[] theirs = other.path.split("/", -1);
            if (!method.equals(other.method) || mine.length != theirs.length) {
                return false;
            }
            for (int i = 0; i < mine.length; i++) {
                if (!mine[i].equals(theirs[i]) && !mine[i].equals("{}") && !theirs[i].equals("{}")) {
                    return false;
                }
            }
            return true;
        }

        /** The calls of {@code wanted} that none of {@code present} matches. */
        public static Set<Call> missing(Set<Call> wanted, Set<Call> present) {
            Set<Call> missing = new LinkedHashSet<>();
            for (Call call : wanted) {
                if (present.stream().noneMatch(call::matches)) {
                    missing.add(call);
                }
            }
            return missing;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A table row whose first cell starts with a call in backticks: {@code | `POST /api/v1/characters` ...}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s?]*)[^`]*`",
            Pattern.MULTILINE);

    private ApiContract() {
    }

    public static Set<Call> calls() {
        Set<Call> calls = new LinkedHashSet<>();
        Matcher row = ROW.matcher(text());
        while (row.find()) {
            calls.add(Call.of(row.group(1), row.group(2)));
        }
        if (calls.isEmpty()) {
            throw new IllegalStateException("API.md lists no calls: has its table format changed?");
        }
        return calls;
    }

    /** {@code /characters/{id}/versions/{v}} and {@code /characters/{id}/versions/{version}} are one path. */
    public static String normalize(String path) {
        String bare = path.replaceAll("\\{[^}]*}", "{}");
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private static String text() {
        try (InputStream in = ApiContract.class.getResourceAsStream("/API.md")) {
            if (in == null) {
                throw new IllegalStateException("API.md is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
