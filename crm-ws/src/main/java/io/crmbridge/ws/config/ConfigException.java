package io.crmbridge.ws.config;

/** A setting that is missing, unreadable or out of range; its message is one line for the operator. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
