package app.characters.infra.web;

import java.util.ArrayList;
import java.util.List;

/** A request whose fields fail validation; carries one message per field. */
public class InvalidRequest extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + " " + errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects field errors, then throws them together. */
    public static final class Check {
        private final List<FieldError> errors = new ArrayList<>();

        public Check require(boolean ok, String field, String message) {
            if (!ok) {
                errors.add(new FieldError(field, message));
            }
            return this;
        }

        public boolean failed(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public void orThrow() {
            if (!errors.isEmpty()) {
                throw new InvalidRequest(errors);
            }
        }
    }

    public static Check check() {
        return new Check();
    }
}
