package io.crmbridge.ws.contacts;

import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.SyncConflict;
import io.crmbridge.backend.exchange.sync.SyncProblem;
import io.crmbridge.backend.exchange.sync.SyncStatus;
import io.crmbridge.ws.access.BackendCalls;
import io.crmbridge.ws.access.ServiceErrors;
import io.crmbridge.ws.contacts.v1.ContactsPort;
import io.crmbridge.ws.contacts.v1.GetSyncStatus;
import io.crmbridge.ws.contacts.v1.GetSyncStatusResponse;
import io.crmbridge.ws.contacts.v1.MailboxStatus;
import io.crmbridge.ws.contacts.v1.ServiceError;
import io.crmbridge.ws.contacts.v1.ServiceFault;
import io.crmbridge.ws.contacts.v1.SyncContacts;
import io.crmbridge.ws.contacts.v1.SyncContactsResponse;
import io.crmbridge.ws.server.XmlTimes;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The contacts service: translates between the v1 contract and the backend's contact sync. */
@jakarta.jws.WebService(
        serviceName = "ContactsService",
        portName = "ContactsPort",
        targetNamespace = "http://crmbridge.io/ws/contacts/v1",
        wsdlLocation = "classpath:wsdl/contacts.wsdl",
        endpointInterface = "io.crmbridge.ws.contacts.v1.ContactsPort")
public class ContactsEndpoint implements ContactsPort {
    public static final String NAMESPACE = "http://crmbridge.io/ws/contacts/v1";
    /** The fault code when no mailbox is configured for contact sync. */
    public static final String SYNC_NOT_CONFIGURED = "SYNC_NOT_CONFIGURED";
    static final int MAX_IDS = 1000;
    static final int CONFLICTS_SHOWN = 100;

    private final Optional<ContactSync> sync;

    public ContactsEndpoint(Optional<ContactSync> sync) {
        this.sync = sync;
    }

    @Override
    public SyncContactsResponse syncContacts(SyncContacts request) throws ServiceFault {
        ContactSync contacts = configured();
        List<String> ids = request == null ? List.of()
                : request.getRecordId().stream().filter(id -> id != null && !id.isBlank())
                        .map(id -> id.trim().replaceAll("^\\{|\\}$", "").toLowerCase(java.util.Locale.ROOT)).toList();
        if (ids.size() > MAX_IDS) {
            throw fault(ServiceErrors.INVALID_REQUEST, "At most " + MAX_IDS + " record ids a call, not " + ids.size() + ".");
        }
        Optional<String> mailbox = Optional.ofNullable(request == null ? null : request.getMailbox()).filter(m -> !m.isBlank());
        int queued = call(() -> ids.isEmpty() ? contacts.enqueueAll(mailbox) : contacts.enqueueChanged(ids));
        SyncContactsResponse response = new SyncContactsResponse();
        response.setQueued(queued);
        return response;
    }

    @Override
    public GetSyncStatusResponse getSyncStatus(GetSyncStatus request) throws ServiceFault {
        ContactSync contacts = configured();
        Optional<String> mailbox = Optional.ofNullable(request == null ? null : request.getMailbox()).filter(m -> !m.isBlank());
        SyncStatus status = call(() -> contacts.status(mailbox));
        List<SyncConflict> conflicts = call(() -> contacts.conflicts(mailbox, CONFLICTS_SHOWN));
        GetSyncStatusResponse response = new GetSyncStatusResponse();
        status.mailboxes().forEach(m -> {
            MailboxStatus out = new MailboxStatus();
            out.setMailbox(m.mailbox());
            out.setFolder(m.folder());
            out.setSynced(m.synced());
            out.setPending(m.pending());
            out.setFailed(m.failed());
            out.setConflicts(m.conflicts());
            response.getMailbox().add(out);
        });
        status.problems().forEach(p -> response.getProblem().add(toContract(p)));
        conflicts.forEach(c -> response.getConflict().add(toContract(c)));
        return response;
    }

    private static io.crmbridge.ws.contacts.v1.SyncProblem toContract(SyncProblem p) {
        io.crmbridge.ws.contacts.v1.SyncProblem out = new io.crmbridge.ws.contacts.v1.SyncProblem();
        out.setRecordId(p.crmId());
        out.setMailbox(p.mailbox());
        out.setFolder(p.folder());
        out.setState(p.state());
        out.setCode(p.code());
        out.setReason(p.reason());
        out.setAttempts(p.attempts());
        out.setNextAttemptAt(XmlTimes.toXml(p.nextAttemptAt()));
        return out;
    }

    private static io.crmbridge.ws.contacts.v1.SyncConflict toContract(SyncConflict c) {
        io.crmbridge.ws.contacts.v1.SyncConflict out = new io.crmbridge.ws.contacts.v1.SyncConflict();
        out.setRecordId(c.crmId());
        out.setMailbox(c.mailbox());
        out.setFolder(c.folder());
        out.setResolution(c.resolution());
        out.setDetectedAt(XmlTimes.toXml(c.detectedAt()));
        return out;
    }

    private ContactSync configured() throws ServiceFault {
        return sync.orElseThrow(() -> fault(SYNC_NOT_CONFIGURED,
                "Contact sync is off: no mailbox is configured (exchange.contacts.mailboxes)."));
    }

    private static <T> T call(Supplier<T> work) throws ServiceFault {
        try {
            return BackendCalls.call(work, ContactsEndpoint::fault);
        } catch (IllegalArgumentException e) {
            throw fault(ServiceErrors.INVALID_REQUEST, e.getMessage());
        }
    }

    private static ServiceFault fault(String code, String message) {
        ServiceError error = new ServiceError();
        error.setCode(code);
        error.setMessage(message);
        return new ServiceFault(message, error);
    }
}
