package app.characters.infra.web;

import app.characters.infra.security.AttemptLimiter;
import app.characters.infra.security.PasswordResets;
import app.characters.infra.security.Unauthorized;
import app.characters.kernel.common.Rejected;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answer is RFC 9457 problem+json: a title, a detail a person can act on, and for
 * validation the failing fields. Nothing internal (stack, SQL, class names) leaves the service.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Map<Rejected.Kind, HttpStatus> STATUS = Map.of(
            Rejected.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            Rejected.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            Rejected.Kind.CONFLICT, HttpStatus.CONFLICT,
            Rejected.Kind.GONE, HttpStatus.GONE,
            Rejected.Kind.VERSION_MISMATCH, HttpStatus.PRECONDITION_FAILED,
            Rejected.Kind.RULE, HttpStatus.UNPROCESSABLE_ENTITY);

    @ExceptionHandler(Rejected.class)
    ResponseEntity<Object> rejected(Rejected e, HttpServletRequest request) {
        return problem(STATUS.get(e.kind()), e.getMessage(), null, request);
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Object> invalid(InvalidRequest e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors(), request);
    }

    @ExceptionHandler(Unauthorized.class)
    ResponseEntity<Object> unauthorized(Unauthorized e, HttpServletRequest request) {
        ResponseEntity<Object> answer = problem(HttpStatus.UNAUTHORIZED, e.getMessage(), null, request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(answer.getBody());
    }

    @ExceptionHandler(AttemptLimiter.TooManyAttempts.class)
    ResponseEntity<Object> tooMany(AttemptLimiter.TooManyAttempts e, HttpServletRequest request) {
        ResponseEntity<Object> answer = problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null, request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(answer.getBody());
    }

    @ExceptionHandler(PasswordResets.InvalidResetToken.class)
    ResponseEntity<Object> invalidResetToken(PasswordResets.InvalidResetToken e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), List.of(new InvalidRequest.FieldError("token",
                "is unknown, used or expired")), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "no such resource", null, request);
    }

    /** Two creations raced for one id and the event store let only one through. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> duplicateAggregate(AggregateStreamCreationException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "the resource exists already", null, request);
    }

    /** A domain invariant the edge did not catch first: still the client's input. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), null, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String message;
        if (type != null && type.isEnum()) {
            message = "must be one of " + allowed(type);
        } else if (type == UUID.class) {
            message = "must be a UUID";
        } else {
            message = "must be " + (type == null ? "a valid value" : describe(type));
        }
        return problem(HttpStatus.BAD_REQUEST, e.getName() + " " + message,
                List.of(new InvalidRequest.FieldError(e.getName(), message)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "the service failed to handle the request", null, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        String detail = "the body is not valid JSON for this request";
        List<InvalidRequest.FieldError> errors = null;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            detail = "unknown field " + field;
            errors = List.of(new InvalidRequest.FieldError(field, "is not a known field"));
        } else if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String field = path(format);
            String message = "must be one of " + allowed(format.getTargetType());
            detail = field + " " + message;
            errors = List.of(new InvalidRequest.FieldError(field, message));
        } else if (cause instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            // a string StrictJson refused for its content, or a number or boolean where a string belongs
            String field = path(format);
            String message = format.getValue() instanceof String ? format.getOriginalMessage()
                    : "has the wrong type, expected a string";
            detail = field + " " + message;
            errors = List.of(new InvalidRequest.FieldError(field, message));
        } else if (cause instanceof InputCoercionException tooBig) {
            String field = currentPath(tooBig);
            detail = field + " is out of range";
            errors = List.of(new InvalidRequest.FieldError(field, "is out of range"));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Class<?> target = mismatch.getTargetType();
            String message = target != null && target.isEnum() ? "must be one of " + allowed(target)
                    : "has the wrong type" + (target == null ? "" : ", expected " + describe(target));
            detail = field + " " + message;
            errors = List.of(new InvalidRequest.FieldError(field, message));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            detail = field + " is out of range or of the wrong type";
            errors = List.of(new InvalidRequest.FieldError(field, "is out of range or of the wrong type"));
        } else if (cause instanceof JsonProcessingException) {
            detail = "the body is not well-formed JSON";
        } else if (cause == null) {
            detail = "a JSON body is required";
        }
        return problem(HttpStatus.BAD_REQUEST, detail, errors, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer == null) {
            return null;
        }
        if (answer.getBody() instanceof ProblemDetail problem) {
            HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
            problem.setInstance(URI.create(servletRequest.getRequestURI()));
            problem.setProperty("requestId", RequestIdFilter.current(servletRequest));
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail, List<InvalidRequest.FieldError> errors,
                                          HttpServletRequest request) {
        ProblemDetail problem = problemOf(status, detail, request);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A problem about this request, with its path as instance and its id, as every answer of the service has them. */
    static ProblemDetail problemOf(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("requestId", RequestIdFilter.current(request));
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The dotted path of the field a low-level number error stopped at. */
    private static String currentPath(InputCoercionException e) {
        java.util.Deque<String> names = new java.util.ArrayDeque<>();
        if (e.getProcessor() != null) {
            for (com.fasterxml.jackson.core.JsonStreamContext context = e.getProcessor().getParsingContext();
                 context != null; context = context.getParent()) {
                if (context.getCurrentName() != null) {
                    names.push(context.getCurrentName());
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "header " + e.getHeaderName() + " is required", null, request);
    }
}
