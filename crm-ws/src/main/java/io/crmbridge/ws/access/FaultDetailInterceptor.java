package io.crmbridge.ws.access;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Gives every fault a ServiceError detail, so callers can rely on a stable code even for faults CXF
 * raises itself (a malformed request: INVALID_REQUEST; anything else: INTERNAL_ERROR), and asks for
 * Basic credentials on a 401.
 */
public final class FaultDetailInterceptor extends AbstractPhaseInterceptor<Message> {
    private final String serviceNamespace;

    public FaultDetailInterceptor(String serviceNamespace) {
        super(Phase.PREPARE_SEND);
        this.serviceNamespace = serviceNamespace;
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        if (!ServiceErrors.hasServiceError(fault) && !isDeclaredFault(fault)) {
            boolean client = Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
                    || fault.getFaultCode().getLocalPart().startsWith("Client");
            ServiceErrors.addDetail(fault, serviceNamespace,
                    client ? ServiceErrors.INVALID_REQUEST : ServiceErrors.INTERNAL_ERROR,
                    client ? String.valueOf(fault.getMessage()) : "The request could not be completed; the server log has the details.");
        }
        if (fault.getStatusCode() == 401) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
            if (headers == null) {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            headers.put("WWW-Authenticate", List.of("Basic realm=\"CRM Bridge\", charset=\"UTF-8\""));
        }
    }

    private static boolean isDeclaredFault(Fault fault) {
        // Faults declared in the WSDL (ServiceFault) are marshalled from the exception later; they carry their own detail.
        return fault.getCause() instanceof io.crmbridge.ws.mail.v1.ServiceFault
                || fault.getCause() instanceof io.crmbridge.ws.records.v1.ServiceFault;
    }
}
