package io.crmbridge.backend;

import java.util.Objects;

/** A failure the backend reports to its callers, with a stable code they can map to a fault. */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The request itself is wrong (bad argument, bad page token, bad name). */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** A record named by the request does not exist. */
    public static final String RECORD_NOT_FOUND = "RECORD_NOT_FOUND";
    /** The store cannot be reached or refused the operation for reasons outside the request. */
    public static final String UNAVAILABLE = "UNAVAILABLE";
    /** An activity named by the request does not exist. */
    public static final String ACTIVITY_NOT_FOUND = "ACTIVITY_NOT_FOUND";
    /** The activity is not waiting in the review queue (linked, ignored, or never unresolved). */
    public static final String NOT_UNRESOLVED = "NOT_UNRESOLVED";

    private final String code;

    public BackendException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public BackendException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this failure, one of the constants of this class. */
    public String code() {
        return code;
    }
}
