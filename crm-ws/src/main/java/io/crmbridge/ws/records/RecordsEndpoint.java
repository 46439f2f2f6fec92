package io.crmbridge.ws.records;

import io.crmbridge.backend.activity.ActivityPage;
import io.crmbridge.backend.activity.ActivityQuery;
import io.crmbridge.backend.activity.ActivitySummary;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordStore;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.record.UpsertOutcome;
import io.crmbridge.ws.access.BackendCalls;
import io.crmbridge.ws.access.ServiceErrors;
import io.crmbridge.ws.records.v1.Activity;
import io.crmbridge.ws.records.v1.CrmRecord;
import io.crmbridge.ws.records.v1.GetActivities;
import io.crmbridge.ws.records.v1.GetActivitiesResponse;
import io.crmbridge.ws.records.v1.Party;
import io.crmbridge.ws.records.v1.RecordsPort;
import io.crmbridge.ws.records.v1.ServiceError;
import io.crmbridge.ws.records.v1.ServiceFault;
import io.crmbridge.ws.records.v1.UpsertRecords;
import io.crmbridge.ws.records.v1.UpsertRecordsResponse;
import io.crmbridge.ws.records.v1.UpsertResult;
import io.crmbridge.ws.records.v1.UpsertStatus;
import io.crmbridge.ws.server.Guids;
import io.crmbridge.ws.server.XmlTimes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The records service: translates between the v1 contract and the backend's record store and activities. */
@jakarta.jws.WebService(
        serviceName = "RecordsService",
        portName = "RecordsPort",
        targetNamespace = "http://crmbridge.io/ws/records/v1",
        wsdlLocation = "classpath:wsdl/records.wsdl",
        endpointInterface = "io.crmbridge.ws.records.v1.RecordsPort")
public class RecordsEndpoint implements RecordsPort {
    public static final String NAMESPACE = "http://crmbridge.io/ws/records/v1";
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordsEndpoint.class);

    private final RecordStore records;
    private final ActivityQuery activities;
    private final int maxBatch;
    private final java.util.function.Consumer<List<String>> afterUpsert;

    public RecordsEndpoint(RecordStore records, ActivityQuery activities, int maxBatch) {
        this(records, activities, maxBatch, ids -> { });
    }

    /** {@code afterUpsert} gets the ids of the records stored by each call, e.g. to queue their contact sync. */
    public RecordsEndpoint(RecordStore records, ActivityQuery activities, int maxBatch,
                           java.util.function.Consumer<List<String>> afterUpsert) {
        this.records = records;
        this.activities = activities;
        this.maxBatch = maxBatch;
        this.afterUpsert = afterUpsert;
    }

    @Override
    public UpsertRecordsResponse upsertRecords(UpsertRecords request) throws ServiceFault {
        List<CrmRecord> given = request == null ? List.of() : request.getRecord();
        if (given.isEmpty() || given.size() > maxBatch) {
            throw fault(ServiceErrors.INVALID_REQUEST, "A call must carry between 1 and " + maxBatch + " records, not " + given.size() + ".");
        }
        // A record without a type is refused here; the backend sees only the others, so its indexes are remapped.
        UpsertResult[] results = new UpsertResult[given.size()];
        List<RecordInput> inputs = new java.util.ArrayList<>();
        List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null || given.get(i).getType() == null) {
                results[i] = result(i, Optional.empty(), UpsertStatus.REJECTED, Optional.of("INVALID_RECORD"),
                        Optional.of("The record has no type (ACCOUNT, CONTACT, LEAD, OPPORTUNITY or CASE)."));
            } else {
                inputs.add(toInput(given.get(i)));
                positions.add(i);
            }
        }
        List<String> stored = new java.util.ArrayList<>();
        for (UpsertOutcome outcome : call(() -> records.upsert(inputs))) {
            int position = positions.get(outcome.index());
            results[position] = result(position, outcome.id(), UpsertStatus.valueOf(outcome.status().name()),
                    outcome.faultCode(), outcome.reason());
            outcome.id().ifPresent(id -> stored.add(id.toString()));
        }
        try {
            afterUpsert.accept(stored);
        } catch (RuntimeException e) {
            // The records are stored; a full contact sync picks them up later.
            LOG.warn("Cannot queue the contact sync of {} upserted records: {}", stored.size(), e.toString());
        }
        UpsertRecordsResponse response = new UpsertRecordsResponse();
        response.getResult().addAll(List.of(results));
        return response;
    }

    private static UpsertResult result(int index, Optional<UUID> id, UpsertStatus status, Optional<String> code, Optional<String> reason) {
        UpsertResult result = new UpsertResult();
        result.setIndex(index);
        result.setId(id.map(UUID::toString).orElse(null));
        result.setStatus(status);
        result.setFaultCode(code.orElse(null));
        result.setReason(reason.orElse(null));
        return result;
    }

    @Override
    public GetActivitiesResponse getActivities(GetActivities request) throws ServiceFault {
        if (request == null || request.getRecordId() == null || request.getRecordId().isBlank()) {
            throw fault(ServiceErrors.INVALID_REQUEST, "recordId is required.");
        }
        UUID recordId = parseId(request.getRecordId());
        int pageSize = request.getPageSize() == null ? DEFAULT_PAGE_SIZE : request.getPageSize();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw fault(ServiceErrors.INVALID_REQUEST, "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize + ".");
        }
        Optional<String> token = Optional.ofNullable(request.getPageToken()).filter(t -> !t.isBlank());
        ActivityPage page = call(() -> activities.forRecord(recordId, pageSize, token));
        GetActivitiesResponse response = new GetActivitiesResponse();
        page.activities().forEach(a -> response.getActivity().add(toContract(a)));
        response.setNextPageToken(page.nextPageToken().orElse(null));
        return response;
    }

    private static RecordInput toInput(CrmRecord r) {
        return new RecordInput(
                RecordType.valueOf(r.getType().name()),
                Optional.ofNullable(r.getId()).filter(id -> !id.isBlank()),
                text(r.getName()), text(r.getFirstName()), text(r.getMiddleName()), text(r.getLastName()),
                r.getEmail().stream().filter(e -> e != null && !e.isBlank()).map(String::trim).toList(),
                text(r.getCompany()), text(r.getTitle()), text(r.getPhone()), text(r.getFax()), text(r.getMobile()),
                text(r.getStreet()), text(r.getCity()), text(r.getState()), text(r.getPostalCode()), text(r.getCountry()),
                text(r.getNotes()),
                Optional.ofNullable(r.getParentId()).filter(id -> !id.isBlank()),
                text(r.getOwner()));
    }

    private static Activity toContract(ActivitySummary a) {
        Activity activity = new Activity();
        activity.setActivityId(a.id().toString());
        activity.setSubject(a.subject());
        activity.setDirection(a.direction().name());
        activity.setOccurredAt(XmlTimes.toXml(a.occurredAt()));
        activity.setMessageId(a.messageId().orElse(null));
        activity.setCorrelation(a.correlation().name());
        activity.setEvidence(a.evidence().orElse(null));
        activity.setSightings(a.sightings());
        a.parties().forEach(p -> {
            Party party = new Party();
            party.setRole(p.role().name());
            party.setEmail(p.email().isEmpty() ? null : p.email());
            party.setDisplayName(p.displayName().isEmpty() ? null : p.displayName());
            activity.getParty().add(party);
        });
        return activity;
    }

    private static UUID parseId(String id) throws ServiceFault {
        return Guids.parse(id).orElseThrow(() -> fault(ServiceErrors.INVALID_REQUEST, "recordId is not a GUID: " + id));
    }

    private static <T> T call(Supplier<T> work) throws ServiceFault {
        return BackendCalls.call(work, RecordsEndpoint::fault);
    }

    private static ServiceFault fault(String code, String message) {
        ServiceError error = new ServiceError();
        error.setCode(code);
        error.setMessage(message);
        return new ServiceFault(message, error);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
