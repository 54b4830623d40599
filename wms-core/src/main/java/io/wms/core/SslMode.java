package io.wms.core;

/**
 * Says whether and how the connection to PostgreSQL is encrypted and the server checked; the values are those of
 * pgjdbc's and libpq's {@code sslmode}.
 *
 * <p>Only {@link #VERIFY_FULL} protects against a server that impersonates the real one; {@link #VERIFY_CA} and
 * {@link #VERIFY_FULL} need the certificate authority's certificate ({@code DB_SSLROOTCERT}).
 */
public enum SslMode {

    /** Never encrypts. */
    DISABLE("disable"),

    /** Encrypts only if the server insists. */
    ALLOW("allow"),

    /** Encrypts if the server offers it, otherwise connects in the clear. */
    PREFER("prefer"),

    /** Always encrypts, without checking the server's certificate. */
    REQUIRE("require"),

    /** Always encrypts and checks that the server's certificate was signed by a trusted authority. */
    VERIFY_CA("verify-ca"),

    /** Always encrypts, checks the certificate's authority and that the certificate names the host connected to. */
    VERIFY_FULL("verify-full");

    private final String wireValue;

    SslMode(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the value pgjdbc expects for its {@code sslmode} property.
     *
     * @return for example {@code "verify-full"}
     */
    public String wireValue() {
        return wireValue;
    }

    /**
     * Returns the mode with the given {@code sslmode} value, ignoring case, as written in {@code DB_SSLMODE}.
     *
     * @param value for example {@code "verify-full"}; surrounding whitespace is ignored
     * @return the mode; never {@code null}
     * @throws IllegalArgumentException if {@code value} is {@code null} or names no mode
     */
    public static SslMode parse(String value) {
        if (value != null) {
            String wanted = value.trim();
            for (SslMode mode : values()) {
                if (mode.wireValue.equalsIgnoreCase(wanted)) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException(
                "expected one of disable, allow, prefer, require, verify-ca, verify-full, got '" + value + "'");
    }

    /**
     * Returns the mode as pgjdbc and {@code DB_SSLMODE} write it.
     *
     * @return the same as {@link #wireValue()}
     */
    @Override
    public String toString() {
        return wireValue;
    }
}
