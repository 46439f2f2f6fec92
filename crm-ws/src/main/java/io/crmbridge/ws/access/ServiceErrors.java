package io.crmbridge.ws.access;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the SOAP faults every service answers with: {@code soap:Client} or {@code soap:Server}, a
 * readable fault string, and a {@code ServiceError} detail carrying a stable code that callers can
 * switch on (AUTHENTICATION_FAILED, ACCESS_DENIED, INVALID_REQUEST, ...).
 */
public final class ServiceErrors {
    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    private ServiceErrors() {
    }

    /** A fault blamed on the caller (soap:Client) with the given HTTP status. */
    public static SoapFault clientFault(String namespace, String code, String message, int httpStatus) {
        SoapFault fault = new SoapFault(message, Soap11.getInstance().getSender());
        fault.setStatusCode(httpStatus);
        addDetail(fault, namespace, code, message);
        return fault;
    }

    /** Adds the ServiceError detail to a fault that has none. */
    public static void addDetail(org.apache.cxf.interceptor.Fault fault, String namespace, String code, String message) {
        Element detail = fault.getOrCreateDetail();
        Document doc = detail.getOwnerDocument();
        Element error = doc.createElementNS(namespace, "ServiceError");
        Element codeElement = doc.createElementNS(namespace, "code");
        codeElement.setTextContent(code);
        Element messageElement = doc.createElementNS(namespace, "message");
        messageElement.setTextContent(message);
        error.appendChild(codeElement);
        error.appendChild(messageElement);
        detail.appendChild(error);
    }

    /** Whether a code means the request was wrong (soap:Client) rather than the server (soap:Server). */
    public static boolean blamesCaller(String code) {
        return !UNAVAILABLE.equals(code) && !INTERNAL_ERROR.equals(code);
    }

    /** Whether a fault already carries a ServiceError detail. */
    public static boolean hasServiceError(org.apache.cxf.interceptor.Fault fault) {
        Element detail = fault.getDetail();
        for (Element e = detail == null ? null : DOMUtils.getFirstElement(detail); e != null; e = DOMUtils.getNextElement(e)) {
            if ("ServiceError".equals(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }
}
