package io.crmbridge.agent.core.submit;

import io.crmbridge.agent.core.mail.MailMessage;
import java.util.List;

/** Sends one batch of messages to the front end and answers one receipt per message, in order. */
public interface MailTransport {

    /**
     * Submits the batch; returns only after the front end has answered.
     *
     * @throws TransportException when the batch was not acknowledged as a whole (unreachable, timed
     *     out, refused credentials, a SOAP fault): none of its messages may be treated as stored
     */
    List<Receipt> submit(List<MailMessage> batch) throws TransportException;
}
