package io.wms.core.error;

/**
 * Thrown when a configuration value is missing or malformed; the message names the setting (or environment
 * variable) and the value expected, and never contains a password.
 */
public class ConfigurationException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * Creates the exception.
     *
     * @param setting the setting or environment variable, for example {@code "DB_PORT"}; never {@code null}
     * @param message what is wrong and what is expected; never {@code null}
     */
    public ConfigurationException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    /**
     * Returns the setting that is wrong.
     *
     * @return the setting or environment variable name; never {@code null}
     */
    public String setting() {
        return setting;
    }
}
