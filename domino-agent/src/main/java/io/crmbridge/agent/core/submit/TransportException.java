package io.crmbridge.agent.core.submit;

/** A batch that the front end did not acknowledge; {@link #code()} says why in a stable word. */
public class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code a stable word: UNREACHABLE, TIMEOUT, HTTP_<status>, or the SOAP fault's code
     *     (AUTHENTICATION_FAILED, ACCESS_DENIED, INVALID_REQUEST, ...)
     */
    public TransportException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public TransportException(String code, String message) {
        this(code, message, null);
    }

    public String code() {
        return code;
    }
}
