package io.wms.core.error;

import java.util.List;
import java.util.stream.Collectors;


/**
 * Thrown when an input breaks one or more rules; it names every failing field at once.
 *
 * <p>Inputs are validated before any statement is sent, so nothing was written. The same exception also
 * reports a rule that only the database could check (a constraint), again with nothing written.
 */
public class ValidationException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param subject     what was validated, for example {@code "new category"}; never {@code null}
     * @param violations  every broken rule; never empty
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(String subject, List<Violation> violations) {
        this(subject, violations, null);
    }

    /**
     * Creates the exception for a rule the database checked.
     *
     * @param subject    what was validated; never {@code null}
     * @param violations every broken rule; never empty
     * @param cause      the underlying database failure; may be {@code null}
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(String subject, List<Violation> violations, Throwable cause) {
        super("Invalid " + subject + ": " + describe(violations), cause);
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one violation");
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /**
     * Returns every rule the input breaks, in field order.
     *
     * @return the violations; never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Tells whether a field breaks any rule.
     *
     * @param field the field name, as in the command type
     * @return {@code true} if at least one violation names the field
     */
    public boolean hasViolation(String field) {
        return violations.stream().anyMatch(violation -> violation.field().equals(field));
    }
}
