package io.crmbridge.ws.access;

import io.crmbridge.backend.access.ApiUser;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a call through only when the authenticated user's role may call that operation; otherwise a
 * soap:Client fault ACCESS_DENIED with HTTP 403.
 */
public final class AuthorizationInterceptor extends AbstractPhaseInterceptor<Message> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationInterceptor.class);

    private final OperationRoles roles;

    public AuthorizationInterceptor(OperationRoles roles) {
        super(Phase.PRE_INVOKE);
        this.roles = roles;
    }

    @Override
    public void handleMessage(Message message) throws Fault {
        ApiUser user = message.getExchange().get(ApiUser.class);
        BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
        String name = operation == null ? "?" : operation.getName().getLocalPart();
        if (user == null || !roles.permits(user.role(), name)) {
            LOG.warn("Denied {} to user '{}' (role {})", name, user == null ? "?" : user.name(),
                    user == null ? "none" : user.role());
            throw ServiceErrors.clientFault(roles.serviceNamespace(), ServiceErrors.ACCESS_DENIED,
                    "The role " + (user == null ? "none" : user.role().name().toLowerCase(java.util.Locale.ROOT))
                            + " may not call " + name + ".", 403);
        }
    }
}
