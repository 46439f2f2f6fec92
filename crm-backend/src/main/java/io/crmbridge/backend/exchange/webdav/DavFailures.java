package io.crmbridge.backend.exchange.webdav;

import io.crmbridge.backend.exchange.ExchangeException;
import io.crmbridge.backend.exchange.ExchangeException.Code;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns unwanted Exchange answers into {@link ExchangeException}s with a stable code and a readable reason. */
final class DavFailures {

    private DavFailures() {
    }

    /** For a status that is not the expected one; {@code what} says which request, e.g. "PROPPATCH jdoe/Kontakte". */
    static ExchangeException status(DavAnswer answer, String what) {
        int status = answer.status();
        Code code;
        if (status == 401) {
            code = Code.UNAUTHORIZED;
        } else if (status == 403) {
            code = Code.FORBIDDEN;
        } else if (status == 404 || status == 409) {
            code = Code.FOLDER_NOT_FOUND;
        } else if (status == 429 || status >= 500) {
            code = Code.UNAVAILABLE;
        } else {
            code = Code.PROTOCOL;
        }
        return new ExchangeException(code, status, what + ": HTTP " + status + summary(answer.body()),
                answer.retryAfter(), null);
    }

    /** For a Multi-Status in which some properties did not stick. */
    static ExchangeException rejected(Map<DavProperty, Integer> failed, String what) {
        String properties = failed.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return new ExchangeException(Code.PROPERTY_REJECTED, 207, what + ": property rejected: " + properties);
    }

    static ExchangeException unreadable(String what, IllegalArgumentException cause) {
        return new ExchangeException(Code.PROTOCOL, 207, what + ": unreadable answer: " + cause.getMessage(),
                Optional.empty(), cause);
    }

    /** The first words of an error page, enough for an operator to recognise it. */
    private static String summary(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")
                .strip();
        return text.isEmpty() ? "" : " " + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
    }
}
