package io.crmbridge.ws.access;

import io.crmbridge.backend.access.ApiUser;
import io.crmbridge.backend.access.ApiUsers;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Authenticates every call before its body is read: HTTP Basic, or a WS-Security UsernameToken
 * (PasswordText) for clients that cannot send Basic. The user found is kept on the exchange for
 * {@link AuthorizationInterceptor}. A failure is a soap:Client fault AUTHENTICATION_FAILED with HTTP 401.
 */
public final class AuthenticationInterceptor extends AbstractSoapInterceptor {
    static final QName SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security");
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationInterceptor.class);

    private final ApiUsers users;
    private final String serviceNamespace;

    public AuthenticationInterceptor(ApiUsers users, String serviceNamespace) {
        super(Phase.PRE_PROTOCOL);
        this.users = users;
        this.serviceNamespace = serviceNamespace;
    }

    /** The Security header is ours to process, so a client may mark it mustUnderstand. */
    @Override
    public java.util.Set<QName> getUnderstoodHeaders() {
        return java.util.Set.of(SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Optional<Credentials> credentials = basic(message).or(() -> usernameToken(message));
        if (credentials.isEmpty()) {
            LOG.warn("Refused a call to {} without credentials from {}", serviceNamespace, Requests.remoteAddress(message));
            throw unauthenticated("This service needs HTTP Basic authentication (or a WS-Security UsernameToken).");
        }
        Credentials given = credentials.get();
        Optional<ApiUser> user = users.authenticate(given.name(), given.password());
        if (user.isEmpty()) {
            LOG.warn("Refused a call to {} for user '{}' from {}: wrong user name or password",
                    serviceNamespace, given.name(), Requests.remoteAddress(message));
            throw unauthenticated("Wrong user name or password.");
        }
        message.getExchange().put(ApiUser.class, user.get());
    }

    private org.apache.cxf.binding.soap.SoapFault unauthenticated(String text) {
        return ServiceErrors.clientFault(serviceNamespace, ServiceErrors.AUTHENTICATION_FAILED, text, 401);
    }

    private static Optional<Credentials> basic(SoapMessage message) {
        AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
        if (policy == null || policy.getUserName() == null || policy.getPassword() == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(policy.getUserName(), policy.getPassword().toCharArray()));
    }

    private static Optional<Credentials> usernameToken(SoapMessage message) {
        Header header = message.getHeader(SECURITY);
        if (!(header instanceof SoapHeader) || !(header.getObject() instanceof Element security)) {
            return Optional.empty();
        }
        Element token = DOMUtils.getFirstChildWithName(security, SECURITY.getNamespaceURI(), "UsernameToken");
        if (token == null) {
            return Optional.empty();
        }
        Element name = DOMUtils.getFirstChildWithName(token, SECURITY.getNamespaceURI(), "Username");
        Element password = DOMUtils.getFirstChildWithName(token, SECURITY.getNamespaceURI(), "Password");
        if (name == null || password == null) {
            return Optional.empty();
        }
        String type = password.getAttribute("Type");
        if (!type.isEmpty() && !type.endsWith("#PasswordText")) {
            return Optional.empty(); // digests would need the plain password stored; only PasswordText over TLS
        }
        return Optional.of(new Credentials(name.getTextContent().trim(), password.getTextContent().toCharArray()));
    }

    private record Credentials(String name, char[] password) {
    }
}
