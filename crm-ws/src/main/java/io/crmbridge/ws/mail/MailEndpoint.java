package io.crmbridge.ws.mail;

import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailIntake;
import io.crmbridge.ws.access.BackendCalls;
import io.crmbridge.ws.access.ServiceErrors;
import io.crmbridge.ws.mail.v1.GetMailStatus;
import io.crmbridge.ws.mail.v1.GetMailStatusResponse;
import io.crmbridge.ws.mail.v1.MailPort;
import io.crmbridge.ws.mail.v1.Receipt;
import io.crmbridge.ws.mail.v1.ReceiptStatus;
import io.crmbridge.ws.mail.v1.ServiceError;
import io.crmbridge.ws.mail.v1.ServiceFault;
import io.crmbridge.ws.mail.v1.SubmitMail;
import io.crmbridge.ws.mail.v1.SubmitMailResponse;
import io.crmbridge.backend.outgoing.OutgoingTagging;
import io.crmbridge.backend.outgoing.TagAdvice;
import io.crmbridge.backend.sending.CrmMailSender;
import io.crmbridge.backend.sending.MailToSend;
import io.crmbridge.backend.sending.SentMail;
import io.crmbridge.ws.mail.v1.CorrelationMethod;
import io.crmbridge.ws.mail.v1.SendMail;
import io.crmbridge.ws.mail.v1.SendMailResponse;
import io.crmbridge.ws.mail.v1.TagOutgoing;
import io.crmbridge.ws.mail.v1.TagOutgoingResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mail service: translates between the v1 contract and the backend's intake, tagging and sending, nothing more. */
@jakarta.jws.WebService(
        serviceName = "MailService",
        portName = "MailPort",
        targetNamespace = "http://crmbridge.io/ws/mail/v1",
        wsdlLocation = "classpath:wsdl/mail.wsdl",
        endpointInterface = "io.crmbridge.ws.mail.v1.MailPort")
public class MailEndpoint implements MailPort {
    public static final String NAMESPACE = "http://crmbridge.io/ws/mail/v1";
    private static final Logger LOG = LoggerFactory.getLogger(MailEndpoint.class);

    private final MailIntake intake;
    private final OutgoingTagging tagging;
    private final Supplier<CrmMailSender> sender;
    private final int maxBatch;

    /**
     * @param sender asked for on each SendMail, so a server without SMTP settings still serves the
     *     other operations and answers SendMail with UNAVAILABLE
     */
    public MailEndpoint(MailIntake intake, OutgoingTagging tagging, Supplier<CrmMailSender> sender, int maxBatch) {
        this.intake = intake;
        this.tagging = tagging;
        this.sender = sender;
        this.maxBatch = maxBatch;
    }

    @Override
    public SubmitMailResponse submitMail(SubmitMail request) throws ServiceFault {
        List<io.crmbridge.ws.mail.v1.MailMessage> messages = request == null ? List.of() : request.getMessage();
        requireSize(messages.size(), "messages");
        List<InboundMail> valid = new ArrayList<>(messages.size());
        Receipt[] receipts = new Receipt[messages.size()];
        List<Integer> validPositions = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            MailTranslation.Result translated = MailTranslation.toInbound(messages.get(i), i);
            if (translated.rejection().isPresent()) {
                receipts[i] = translated.rejection().get();
                LOG.warn("Rejected message {} of a batch: {}", receipts[i].getClientRef(), receipts[i].getReason());
            } else {
                valid.add(translated.mail().orElseThrow());
                validPositions.add(i);
            }
        }
        List<io.crmbridge.backend.intake.Receipt> stored = call(() -> intake.submit(valid));
        for (int k = 0; k < stored.size(); k++) {
            receipts[validPositions.get(k)] = MailTranslation.toContract(stored.get(k));
        }
        SubmitMailResponse response = new SubmitMailResponse();
        response.getReceipt().addAll(List.of(receipts));
        return response;
    }

    @Override
    public GetMailStatusResponse getMailStatus(GetMailStatus request) throws ServiceFault {
        List<String> ids = request == null ? List.of() : request.getReceiptId();
        requireSize(ids.size(), "receipt ids");
        GetMailStatusResponse response = new GetMailStatusResponse();
        call(() -> intake.status(ids)).forEach(status -> response.getStatus().add(MailTranslation.toContract(status)));
        return response;
    }

    @Override
    public TagOutgoingResponse tagOutgoing(TagOutgoing request) throws ServiceFault {
        if (request == null || request.getMailbox() == null || request.getMailbox().isBlank()) {
            throw fault(ServiceErrors.INVALID_REQUEST, "mailbox is required.");
        }
        TagAdvice advice = call(() -> tagging.advise(MailTranslation.toOutgoing(request)));
        TagOutgoingResponse response = new TagOutgoingResponse();
        response.setTag(advice.tag().orElse(null));
        response.setSubject(advice.subject());
        advice.regarding().ifPresent(r -> response.setRegarding(MailTranslation.toContract(r)));
        response.setCorrelation(advice.correlation().map(c -> CorrelationMethod.valueOf(c.name())).orElse(null));
        response.setEvidence(advice.evidence().orElse(null));
        return response;
    }

    @Override
    public SendMailResponse sendMail(SendMail request) throws ServiceFault {
        MailToSend mail = MailTranslation.toSend(request).orElseThrow(() -> fault(ServiceErrors.INVALID_REQUEST,
                "SendMail needs a regardingId (a GUID), a from address, at least one to address, a subject and a body."));
        SentMail sent = call(() -> sender.get().send(mail));
        LOG.info("Sent CRM mail {} regarding {} as activity {}", sent.messageId(), mail.regardingId(), sent.activityId());
        SendMailResponse response = new SendMailResponse();
        response.setActivityId(sent.activityId().toString());
        response.setMessageId(sent.messageId());
        response.setSubject(sent.subject());
        return response;
    }

    private void requireSize(int size, String what) throws ServiceFault {
        if (size == 0 || size > maxBatch) {
            throw fault(ServiceErrors.INVALID_REQUEST, "A call must carry between 1 and " + maxBatch + " " + what + ", not " + size + ".");
        }
    }

    private static <T> T call(Supplier<T> work) throws ServiceFault {
        return BackendCalls.call(work, MailEndpoint::fault);
    }

    static ServiceFault fault(String code, String message) {
        ServiceError error = new ServiceError();
        error.setCode(code);
        error.setMessage(message);
        return new ServiceFault(message, error);
    }

    static Receipt rejected(String clientRef, String code, String reason) {
        Receipt receipt = new Receipt();
        receipt.setClientRef(clientRef);
        receipt.setStatus(ReceiptStatus.REJECTED);
        receipt.setFaultCode(code);
        receipt.setReason(reason);
        return receipt;
    }
}
