package io.crmbridge.agent.core.tag;

import io.crmbridge.agent.core.submit.TransportException;

/** Asks the CRM Bridge service which record's tag an outgoing mail should carry ({@code TagOutgoing}). */
public interface TagService {

    /**
     * Answers the tag for the mail, or an answer without tag when it belongs to no record.
     *
     * @throws TransportException when there is no answer (unreachable, timed out, refused, a SOAP fault)
     */
    TagAnswer tagOutgoing(OutgoingMail mail) throws TransportException;
}
