package io.crmbridge.bench.ceiling;

import io.crmbridge.ws.mail.v1.GetMailStatus;
import io.crmbridge.ws.mail.v1.GetMailStatusResponse;
import io.crmbridge.ws.mail.v1.MailMessage;
import io.crmbridge.ws.mail.v1.MailPort;
import io.crmbridge.ws.mail.v1.Receipt;
import io.crmbridge.ws.mail.v1.ReceiptStatus;
import io.crmbridge.ws.mail.v1.SendMail;
import io.crmbridge.ws.mail.v1.SendMailResponse;
import io.crmbridge.ws.mail.v1.ServiceError;
import io.crmbridge.ws.mail.v1.ServiceFault;
import io.crmbridge.ws.mail.v1.SubmitMail;
import io.crmbridge.ws.mail.v1.SubmitMailResponse;
import io.crmbridge.ws.mail.v1.TagOutgoing;
import io.crmbridge.ws.mail.v1.TagOutgoingResponse;
import java.util.UUID;

/**
 * The mail contract with no product behind it: CXF parses the batch into the generated types and the answer
 * is one ACCEPTED receipt per message. What the SOAP stack costs, and nothing else.
 */
@jakarta.jws.WebService(
        serviceName = "MailService",
        portName = "MailPort",
        targetNamespace = "http://crmbridge.io/ws/mail/v1",
        wsdlLocation = "classpath:wsdl/mail.wsdl",
        endpointInterface = "io.crmbridge.ws.mail.v1.MailPort")
public class NullMailEndpoint implements MailPort {

    @Override
    public SubmitMailResponse submitMail(SubmitMail request) {
        SubmitMailResponse response = new SubmitMailResponse();
        for (MailMessage m : request.getMessage()) {
            Receipt r = new Receipt();
            r.setClientRef(m.getClientRef());
            r.setStatus(ReceiptStatus.ACCEPTED);
            r.setReceiptId(UUID.randomUUID().toString());
            response.getReceipt().add(r);
        }
        return response;
    }

    @Override
    public GetMailStatusResponse getMailStatus(GetMailStatus request) {
        return new GetMailStatusResponse();
    }

    @Override
    public TagOutgoingResponse tagOutgoing(TagOutgoing request) {
        TagOutgoingResponse response = new TagOutgoingResponse();
        response.setSubject(request.getSubject() == null ? "" : request.getSubject());
        return response;
    }

    @Override
    public SendMailResponse sendMail(SendMail request) throws ServiceFault {
        ServiceError error = new ServiceError();
        error.setCode("UNAVAILABLE");
        error.setMessage("the ceiling endpoint sends nothing");
        throw new ServiceFault(error.getMessage(), error);
    }
}
