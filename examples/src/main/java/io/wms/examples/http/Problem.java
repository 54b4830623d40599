package io.wms.examples.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.wms.core.error.AuthenticationException;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.IllegalTransitionException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.LastAdminException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ReferencedException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}): a problem type, a title for that type,
 * the HTTP status, a detail for this occurrence and, for invalid input, every broken rule.
 *
 * <p>The detail of a 4xx answer is the library's own message, written for the caller. A 5xx answer never carries the
 * exception's text, which may hold the database's words (table names, constraint names, values): only a generic detail.
 *
 * @param type       a URI that names the kind of problem, for example {@code urn:wms:problem:insufficient-stock}
 * @param title      a short summary of that kind, the same for every occurrence
 * @param status     the HTTP status code
 * @param detail     what went wrong this time
 * @param violations for invalid input, each broken rule; {@code null} (and left out of the JSON) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> violations) {

    /** The media type of a problem answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Seconds a client should wait before retrying after a 503, sent as {@code Retry-After}. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private static final String GENERIC_FAILURE = "The request could not be completed. It has been logged.";
    private static final String TEMPORARY_FAILURE = "The service is briefly unable to complete the request; "
            + "retry after " + RETRY_AFTER_SECONDS + " second.";

    /**
     * The failures the caller can act on, with their problem: the library's message is written for the caller, so
     * it is the detail.
     */
    private static final List<CallerFault> CALLER_FAULTS = List.of(
            new CallerFault(NotFoundException.class, "not-found", "No such resource", 404),
            new CallerFault(PermissionDeniedException.class, "permission-denied", "Permission denied", 403),
            new CallerFault(AuthenticationException.class, "authentication-failed", "Authentication failed", 401),
            new CallerFault(DuplicateException.class, "duplicate", "Already exists", 409),
            new CallerFault(ConcurrentUpdateException.class, "stale-version", "Changed by someone else", 409),
            new CallerFault(IllegalTransitionException.class, "illegal-transition",
                    "Not allowed in the batch's current status", 409),
            new CallerFault(InsufficientStockException.class, "insufficient-stock", "Not enough stock", 409),
            new CallerFault(ReferencedException.class, "still-referenced", "Still referenced", 409),
            new CallerFault(LastAdminException.class, "last-admin", "The last admin must stay", 409));

    private record CallerFault(Class<? extends Throwable> type, String slug, String title, int status) {
    }

    /**
     * One rule that one field of the request breaks.
     *
     * @param field   the field, as named in the request, for example {@code "name"}
     * @param rule    the rule, a stable word a program can act on, for example {@code "required"}
     * @param message the rule in words, for a person
     */
    public record FieldViolation(String field, String rule, String message) {
    }

    /**
     * Returns the problem that answers a failure: each type of wms exception has its status (422, 404, 403, 401, 409,
     * 503), a request body that is not valid JSON is a 400, and anything else is a 500 with a generic detail.
     *
     * @param failure what the request's handling threw; never {@code null}
     * @return the problem to answer with; never {@code null}
     */
    public static Problem of(Throwable failure) {
        if (failure instanceof ValidationException invalid) {
            return invalid(invalid.getMessage(), invalid.violations().stream()
                    .map(violation -> new FieldViolation(violation.field(), violation.rule(), violation.message()))
                    .toList());
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return invalid("The request has a field this operation does not take",
                    List.of(new FieldViolation(fieldOf(unknown), "unknown_field", "is not a field of this request")));
        }
        if (failure instanceof MismatchedInputException mismatched) {
            return invalid("A field of the request has the wrong type", List.of(
                    new FieldViolation(fieldOf(mismatched), "type", "must be a " + typeName(mismatched))));
        }
        if (failure instanceof JsonProcessingException) {
            return new Problem("urn:wms:problem:malformed-json", "The request body is not valid JSON", 400,
                    "The request body is not valid JSON", null);
        }
        for (CallerFault fault : CALLER_FAULTS) {
            if (fault.type().isInstance(failure)) {
                return new Problem("urn:wms:problem:" + fault.slug(), fault.title(), fault.status(),
                        failure.getMessage(), null);
            }
        }
        if (failure instanceof RetryableException) {
            return new Problem("urn:wms:problem:temporarily-unavailable", "Temporarily unavailable", 503,
                    TEMPORARY_FAILURE, null);
        }
        return new Problem("urn:wms:problem:internal-error", "Internal error", 500, GENERIC_FAILURE, null);
    }

    /**
     * Returns the problem for a request body of a media type the service does not read.
     *
     * @param contentType the request's {@code Content-Type}, or {@code null} if it sent none
     * @return a 415 problem; never {@code null}
     */
    public static Problem unsupportedMediaType(String contentType) {
        return new Problem("urn:wms:problem:unsupported-media-type", "Unsupported media type", 415,
                "The request body must be application/json, not " + (contentType == null ? "untyped" : contentType),
                null);
    }

    /**
     * Returns the problem for a request body larger than the service reads.
     *
     * @param limit the largest body the service reads, in bytes
     * @return a 413 problem; never {@code null}
     */
    public static Problem bodyTooLarge(int limit) {
        return new Problem("urn:wms:problem:body-too-large", "Request body too large", 413,
                "The request body must be at most " + limit + " bytes", null);
    }

    /**
     * Returns the problem for a path the service does not serve.
     *
     * @return a 404 problem; never {@code null}
     */
    public static Problem noSuchPath() {
        return new Problem("urn:wms:problem:not-found", "No such resource", 404, "The service has no such path", null);
    }

    /**
     * Returns the problem for a method the path does not take.
     *
     * @param method the request's method
     * @return a 405 problem; never {@code null}
     */
    public static Problem methodNotAllowed(String method) {
        return new Problem("urn:wms:problem:method-not-allowed", "Method not allowed", 405,
                "This path does not take " + method + "; see the Allow header", null);
    }

    private static Problem invalid(String detail, List<FieldViolation> violations) {
        return new Problem("urn:wms:problem:invalid-input", "Invalid input", 422, detail, violations);
    }

    private static String fieldOf(JsonMappingException failure) {
        String field = failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : Integer.toString(reference.getIndex()))
                .reduce((left, right) -> left + "." + right)
                .orElse("");
        return field.isEmpty() ? "(body)" : field;
    }

    private static String typeName(MismatchedInputException failure) {
        Class<?> target = failure.getTargetType();
        if (target == null) {
            return "value of another type";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "number";
        }
        if (target == String.class) {
            return "string";
        }
        return "JSON object";
    }
}
