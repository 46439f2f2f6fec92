package io.crmbridge.ws.access;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/** Facts about the HTTP request behind a SOAP message, for log lines. */
final class Requests {
    private Requests() {
    }

    static String remoteAddress(Message message) {
        Object request = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http ? http.getRemoteAddr() : "unknown address";
    }
}
