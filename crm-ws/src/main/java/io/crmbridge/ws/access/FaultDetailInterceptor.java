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
 * raises itself (a malformed request: INVALID_REQUEST; anything else: INTERNAL_ERROR), blames the
 * caller (soap:Client) for declared faults that are the caller's doing, and asks for Basic credentials
 * on a 401.
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
        declaredCode(fault).filter(ServiceErrors::blamesCaller).ifPresent(code -> fault.setFaultCode(Fault.FAULT_CODE_CLIENT));
        if (!ServiceErrors.hasServiceError(fault) && declaredCode(fault).isEmpty()) {
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

    /** The code of a fault declared in the WSDL (ServiceFault); its detail is marshalled from the exception later. */
    private static java.util.Optional<String> declaredCode(Fault fault) {
        if (fault.getCause() instanceof io.crmbridge.ws.mail.v1.ServiceFault mail) {
            return java.util.Optional.of(mail.getFaultInfo().getCode());
        }
        if (fault.getCause() instanceof io.crmbridge.ws.records.v1.ServiceFault records) {
            return java.util.Optional.of(records.getFaultInfo().getCode());
        }
        if (fault.getCause() instanceof io.crmbridge.ws.queue.v1.ServiceFault queue) {
            return java.util.Optional.of(queue.getFaultInfo().getCode());
        }
        if (fault.getCause() instanceof io.crmbridge.ws.contacts.v1.ServiceFault contacts) {
            return java.util.Optional.of(contacts.getFaultInfo().getCode());
        }
        return java.util.Optional.empty();
    }
}
