package io.crmbridge.ws.queue;

import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.review.ReviewQueue;
import io.crmbridge.backend.review.UnresolvedItem;
import io.crmbridge.backend.review.UnresolvedPage;
import io.crmbridge.ws.access.CallingUser;
import io.crmbridge.ws.access.BackendCalls;
import io.crmbridge.ws.access.ServiceErrors;
import io.crmbridge.ws.queue.v1.CreateRecordAndLink;
import io.crmbridge.ws.queue.v1.CreateRecordAndLinkResponse;
import io.crmbridge.ws.queue.v1.IgnoreActivity;
import io.crmbridge.ws.queue.v1.IgnoreActivityResponse;
import io.crmbridge.ws.queue.v1.LinkActivity;
import io.crmbridge.ws.queue.v1.LinkActivityResponse;
import io.crmbridge.ws.queue.v1.ListUnresolved;
import io.crmbridge.ws.queue.v1.ListUnresolvedResponse;
import io.crmbridge.ws.queue.v1.Party;
import io.crmbridge.ws.queue.v1.QueuePort;
import io.crmbridge.ws.queue.v1.ServiceError;
import io.crmbridge.ws.queue.v1.ServiceFault;
import io.crmbridge.ws.server.Guids;
import io.crmbridge.ws.server.XmlTimes;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The review queue service: translates between the v1 contract and the backend's review queue. */
@jakarta.jws.WebService(
        serviceName = "QueueService",
        portName = "QueuePort",
        targetNamespace = "http://crmbridge.io/ws/queue/v1",
        wsdlLocation = "classpath:wsdl/queue.wsdl",
        endpointInterface = "io.crmbridge.ws.queue.v1.QueuePort")
public class QueueEndpoint implements QueuePort {
    public static final String NAMESPACE = "http://crmbridge.io/ws/queue/v1";
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(QueueEndpoint.class);

    private final ReviewQueue queue;

    public QueueEndpoint(ReviewQueue queue) {
        this.queue = queue;
    }

    @Override
    public ListUnresolvedResponse listUnresolved(ListUnresolved request) throws ServiceFault {
        ListUnresolved given = request == null ? new ListUnresolved() : request;
        int pageSize = given.getPageSize() == null ? DEFAULT_PAGE_SIZE : given.getPageSize();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw fault(ServiceErrors.INVALID_REQUEST, "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize + ".");
        }
        UnresolvedPage page = call(() -> queue.list(text(given.getReason()).map(r -> r.toUpperCase(Locale.ROOT)),
                text(given.getMailbox()), pageSize, text(given.getPageToken())));
        ListUnresolvedResponse response = new ListUnresolvedResponse();
        page.items().forEach(item -> response.getItem().add(toContract(item)));
        response.setNextPageToken(page.nextPageToken().orElse(null));
        return response;
    }

    @Override
    public LinkActivityResponse linkActivity(LinkActivity request) throws ServiceFault {
        UUID activity = id(request == null ? null : request.getActivityId(), "activityId");
        UUID record = id(request.getRecordId(), "recordId");
        String actor = CallingUser.name();
        RecordRef linked = call(() -> queue.link(activity, record, actor));
        LOG.info("Activity {} linked by hand to {} {} by {}", activity, linked.type(), linked.id(), actor);
        LinkActivityResponse response = new LinkActivityResponse();
        response.setRegarding(toContract(linked));
        return response;
    }

    @Override
    public CreateRecordAndLinkResponse createRecordAndLink(CreateRecordAndLink request) throws ServiceFault {
        UUID activity = id(request == null ? null : request.getActivityId(), "activityId");
        RecordType type = recordType(request.getType());
        String actor = CallingUser.name();
        RecordRef created = call(() -> queue.createAndLink(activity, type, text(request.getFirstName()).orElse(""),
                text(request.getLastName()).orElse(""), text(request.getCompany()).orElse(""), actor));
        LOG.info("Activity {} linked to new {} {} by {}", activity, created.type(), created.id(), actor);
        CreateRecordAndLinkResponse response = new CreateRecordAndLinkResponse();
        response.setRegarding(toContract(created));
        return response;
    }

    @Override
    public IgnoreActivityResponse ignoreActivity(IgnoreActivity request) throws ServiceFault {
        UUID activity = id(request == null ? null : request.getActivityId(), "activityId");
        String actor = CallingUser.name();
        call(() -> {
            queue.ignore(activity, text(request.getNote()).orElse(""), actor);
            return activity;
        });
        LOG.info("Activity {} taken out of the review queue by {}", activity, actor);
        IgnoreActivityResponse response = new IgnoreActivityResponse();
        response.setActivityId(activity.toString());
        return response;
    }

    private static io.crmbridge.ws.queue.v1.UnresolvedItem toContract(UnresolvedItem item) {
        io.crmbridge.ws.queue.v1.UnresolvedItem out = new io.crmbridge.ws.queue.v1.UnresolvedItem();
        out.setActivityId(item.activityId().toString());
        out.setReason(item.reason());
        out.setDetail(item.detail().isEmpty() ? null : item.detail());
        item.candidates().forEach(c -> out.getCandidate().add(toContract(c)));
        out.setSubject(item.subject());
        out.setDirection(item.direction().name());
        out.setOccurredAt(XmlTimes.toXml(item.occurredAt()));
        out.setQueuedAt(XmlTimes.toXml(item.queuedAt()));
        out.setMessageId(item.messageId().orElse(null));
        out.getMailbox().addAll(item.mailboxes());
        item.parties().forEach(p -> {
            Party party = new Party();
            party.setRole(p.role().name());
            party.setEmail(p.email().isEmpty() ? null : p.email());
            party.setDisplayName(p.displayName().isEmpty() ? null : p.displayName());
            out.getParty().add(party);
        });
        return out;
    }

    private static io.crmbridge.ws.queue.v1.RecordRef toContract(RecordRef ref) {
        io.crmbridge.ws.queue.v1.RecordRef out = new io.crmbridge.ws.queue.v1.RecordRef();
        out.setType(ref.type().name());
        out.setId(ref.id().toString());
        out.setName(ref.name());
        return out;
    }

    private static RecordType recordType(String text) throws ServiceFault {
        String type = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!type.equals("CONTACT") && !type.equals("LEAD")) {
            throw fault(ServiceErrors.INVALID_REQUEST, "type must be CONTACT or LEAD, not '" + text + "'.");
        }
        return RecordType.valueOf(type);
    }

    private static UUID id(String text, String what) throws ServiceFault {
        return Guids.parse(text).orElseThrow(() -> fault(ServiceErrors.INVALID_REQUEST, what + " must be a GUID, not '" + text + "'."));
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static <T> T call(Supplier<T> work) throws ServiceFault {
        return BackendCalls.call(work, QueueEndpoint::fault);
    }

    private static ServiceFault fault(String code, String message) {
        ServiceError error = new ServiceError();
        error.setCode(code);
        error.setMessage(message);
        return new ServiceFault(message, error);
    }
}
