package io.crmbridge.ws.access;

import io.crmbridge.backend.access.ApiUser;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/** The authenticated user of the call being served, for audit trails ("who decided"). */
public final class CallingUser {
    private CallingUser() {
    }

    /** The user's name; every call that reaches an endpoint has passed authentication. */
    public static String name() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        ApiUser user = message == null ? null : message.getExchange().get(ApiUser.class);
        if (user == null) {
            throw new IllegalStateException("no authenticated user on this call");
        }
        return user.name();
    }
}
