package io.crmbridge.agent.core.soap;

import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.agent.core.tag.TagAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a parsed SOAP answer into receipts, statuses, a tag answer or the fault it carries. */
final class Answers {
    private Answers() {
    }

    /** The single element inside soap:Body. */
    static XmlElement payload(XmlElement envelope) throws TransportException {
        if (!envelope.is(Envelopes.SOAP_NS, "Envelope")) {
            throw new TransportException("INVALID_RESPONSE", "the answer is not a SOAP 1.1 envelope: " + envelope.name());
        }
        XmlElement body = envelope.child("Body");
        if (body == null || body.children().isEmpty()) {
            throw new TransportException("INVALID_RESPONSE", "the SOAP answer has an empty body");
        }
        return body.children().get(0);
    }

    static boolean isFault(XmlElement payload) {
        return payload.is(Envelopes.SOAP_NS, "Fault");
    }

    /**
     * The fault as an exception: the ServiceError code from the detail when there is one, else
     * {@code HTTP_<status>} (or SOAP_FAULT when the status was 200).
     */
    static TransportException fault(XmlElement fault, int httpStatus) {
        String faultString = fault.childText("faultstring");
        XmlElement detail = fault.child("detail");
        XmlElement error = detail == null ? null : detail.find("ServiceError");
        String code = error == null ? "" : error.childText("code");
        String message = error == null ? "" : error.childText("message");
        if (code.isEmpty()) {
            code = httpStatus == 200 ? "SOAP_FAULT" : "HTTP_" + httpStatus;
        }
        String text = !message.isEmpty() ? message : !faultString.isEmpty() ? faultString : "the service answered a fault";
        return new TransportException(code, text);
    }

    static List<Receipt> receipts(XmlElement payload) throws TransportException {
        expect(payload, "SubmitMailResponse");
        List<Receipt> receipts = new ArrayList<Receipt>();
        for (XmlElement r : payload.children("receipt")) {
            String clientRef = r.childText("clientRef");
            String status = r.childText("status").toUpperCase(Locale.ROOT);
            Receipt.Status s;
            try {
                s = Receipt.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new TransportException("INVALID_RESPONSE", "unknown receipt status '" + status + "' for " + clientRef);
            }
            if (clientRef.isEmpty()) {
                throw new TransportException("INVALID_RESPONSE", "a receipt without clientRef");
            }
            receipts.add(new Receipt(clientRef, s, r.childText("receiptId"), r.childText("faultCode"), r.childText("reason")));
        }
        return receipts;
    }

    static List<MailStatus> statuses(XmlElement payload) throws TransportException {
        expect(payload, "GetMailStatusResponse");
        List<MailStatus> statuses = new ArrayList<MailStatus>();
        for (XmlElement s : payload.children("status")) {
            XmlElement regarding = s.child("regarding");
            statuses.add(new MailStatus(s.childText("receiptId"), s.childText("state"), s.childText("activityId"),
                    regarding == null ? "" : regarding.childText("type"),
                    regarding == null ? "" : regarding.childText("id"),
                    regarding == null ? "" : regarding.childText("name"),
                    s.childText("correlation"), s.childText("evidence"), s.childText("reason"), s.childText("detail")));
        }
        return statuses;
    }

    static TagAnswer tagAnswer(XmlElement payload) throws TransportException {
        expect(payload, "TagOutgoingResponse");
        if (payload.child("subject") == null) {
            throw new TransportException("INVALID_RESPONSE", "TagOutgoingResponse without subject");
        }
        XmlElement regarding = payload.child("regarding");
        return new TagAnswer(payload.childText("tag"), payload.childText("subject"),
                regarding == null ? "" : regarding.childText("type"),
                regarding == null ? "" : regarding.childText("id"),
                regarding == null ? "" : regarding.childText("name"),
                payload.childText("correlation"), payload.childText("evidence"));
    }

    private static void expect(XmlElement payload, String name) throws TransportException {
        if (!payload.is(Envelopes.MAIL_NS, name)) {
            throw new TransportException("INVALID_RESPONSE", "expected " + name + " but the service answered "
                    + payload.name() + " (" + payload.namespace() + ")");
        }
    }
}
