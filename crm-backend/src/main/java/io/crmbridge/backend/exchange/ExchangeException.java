package io.crmbridge.backend.exchange;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to Exchange that did not do what it should. {@link #retryable()} says whether the same call
 * can succeed later (server busy, connection lost) or needs someone to act (permission, missing folder,
 * a rejected property); {@link #code()} is stable for operators and the status API.
 */
public final class ExchangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Stable reasons, as recorded with failed sync work. */
    public enum Code {
        /** 5xx or 429: the server asks to come back later. */
        UNAVAILABLE(true),
        /** No answer: connection refused, reset or dropped, or a timeout. */
        CONNECTION(true),
        /** The server's certificate was not trusted or TLS could not be agreed: configuration to fix. */
        TLS(false),
        /** 401: the service account's credentials were refused. */
        UNAUTHORIZED(true),
        /** 403: the service account lacks permission on the folder. */
        FORBIDDEN(false),
        /** 404 on a folder: the configured mailbox or folder does not exist. */
        FOLDER_NOT_FOUND(false),
        /** A property came back with a status other than 200 in the Multi-Status. */
        PROPERTY_REJECTED(false),
        /** 400 or another answer the server should not have given to a well-formed request. */
        PROTOCOL(false);

        private final boolean retryable;

        Code(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Code code;
    private final int status;
    private final transient Optional<Duration> retryAfter;

    public ExchangeException(Code code, int status, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public ExchangeException(Code code, int status, String message) {
        this(code, status, message, Optional.empty(), null);
    }

    public Code code() {
        return code;
    }

    /** The HTTP status behind the failure, 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** How long the server asked to wait before trying again, when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return code.retryable();
    }
}
