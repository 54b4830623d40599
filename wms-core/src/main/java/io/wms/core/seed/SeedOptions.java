package io.wms.core.seed;

import java.util.Map;
import java.util.Optional;

/**
 * What the seeders create besides the roles: the first admin (from configuration, never from code) and,
 * optionally, the demo data set of the quickstart. {@link #toString()} hides the admin's password.
 *
 * @param adminEmail    the first admin's e-mail; {@code null} for no admin
 * @param adminPassword the first admin's password; {@code null} for no admin
 * @param demoData      whether to add the demo categories, brands, products, batches and ledger rows
 */
public record SeedOptions(String adminEmail, String adminPassword, boolean demoData) {

    /** The environment variable with the first admin's e-mail. */
    public static final String ADMIN_EMAIL_VARIABLE = "WMS_ADMIN_EMAIL";

    /** The environment variable with the first admin's password. */
    public static final String ADMIN_PASSWORD_VARIABLE = "WMS_ADMIN_PASSWORD";

    /**
     * Returns options with neither admin nor demo data: only the roles are seeded.
     *
     * @return the options; never {@code null}
     */
    public static SeedOptions rolesOnly() {
        return new SeedOptions(null, null, false);
    }

    /**
     * Reads the first admin from {@value #ADMIN_EMAIL_VARIABLE} and {@value #ADMIN_PASSWORD_VARIABLE}; without
     * both, no admin is created. Demo data is off.
     *
     * @return the options; never {@code null}
     */
    public static SeedOptions fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the first admin from a map of environment variables, as {@link #fromEnv()} does.
     *
     * @param environment the variables; never {@code null}
     * @return the options; never {@code null}
     */
    public static SeedOptions fromEnv(Map<String, String> environment) {
        String email = blankToNull(environment.get(ADMIN_EMAIL_VARIABLE));
        String password = blankToNull(environment.get(ADMIN_PASSWORD_VARIABLE));
        return email == null || password == null ? rolesOnly() : new SeedOptions(email, password, false);
    }

    /**
     * Returns a copy that creates this first admin.
     *
     * @param email    the admin's e-mail; never {@code null}
     * @param password the admin's password; never {@code null}
     * @return the new options; never {@code null}
     */
    public SeedOptions withFirstAdmin(String email, String password) {
        return new SeedOptions(email, password, demoData);
    }

    /**
     * Returns a copy that adds, or does not add, the demo data set.
     *
     * @param withDemoData whether to add it
     * @return the new options; never {@code null}
     */
    public SeedOptions withDemoData(boolean withDemoData) {
        return new SeedOptions(adminEmail, adminPassword, withDemoData);
    }

    /**
     * Returns the first admin's e-mail, when one is configured.
     *
     * @return the e-mail, or empty when e-mail or password is missing
     */
    public Optional<String> firstAdminEmail() {
        return adminEmail == null || adminPassword == null ? Optional.empty() : Optional.of(adminEmail);
    }

    /**
     * Describes the options without the password.
     *
     * @return for example {@code SeedOptions[adminEmail=ann@example.com, adminPassword=***, demoData=true]}
     */
    @Override
    public String toString() {
        return "SeedOptions[adminEmail=" + adminEmail + ", adminPassword=" + (adminPassword == null ? null : "***")
                + ", demoData=" + demoData + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
