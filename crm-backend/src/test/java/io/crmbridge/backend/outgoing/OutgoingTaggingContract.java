package io.crmbridge.backend.outgoing;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

/** Tag on send, on every store: the same rules as incoming mail decide, and the tag is appended once. */
abstract class OutgoingTaggingContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract BackendSettings settings();

    private CrmBackend b;
    private OutgoingTagging tagging;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String jane = "jane." + run + "@acme.example";
    private final String john = "john." + run + "@acme.example";
    private final String ann = "ann." + run + "@client.example";
    private UUID annId;

    @BeforeEach
    void start() {
        b = CrmBackend.start(settings().withWorkers(1));
        tagging = b.outgoingTagging();
        annId = record(RecordType.CONTACT, "Ann Customer", ann);
        // John is ours: his mailbox has submitted mail
        b.mailIntake().submit(List.of(aMail().in(john, MailFolder.SENT).from(john).to(john).build()));
        assertThat(b.awaitIdle(WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
    }

    private UUID record(RecordType type, String name, String... emails) {
        UUID id = UUID.randomUUID();
        b.records().upsert(List.of(RecordInput.named(type, id.toString(), name, emails)));
        return id;
    }

    private static List<Party> to(String... emails) {
        return Arrays.stream(emails).map(Party::of).toList();
    }

    private OutgoingMail mail(String subject, List<Party> to, List<Party> cc, Optional<String> inReplyTo, List<String> references) {
        return new OutgoingMail(jane, subject, to, cc, List.of(), inReplyTo, references);
    }

    @Test
    void aSingleRecipientWhoIsAContactGetsItsTagAppendedOnce() {
        // Jane's mailbox has never submitted anything: the sender is ours all the same
        TagAdvice advice = tagging.advise(mail("Offer", to(ann.toUpperCase()), to(john), Optional.empty(), List.of()));

        assertThat(advice.tag()).contains("CRM:{" + annId + "}:MRC");
        assertThat(advice.subject()).isEqualTo("Offer CRM:{" + annId + "}:MRC");
        assertThat(advice.regarding()).contains(new RecordRef(RecordType.CONTACT, annId, "Ann Customer"));
        assertThat(advice.correlation()).contains(CorrelationMethod.ADDRESS);
        assertThat(advice.evidence()).contains(ann);
        TagAdvice again = tagging.advise(mail(advice.subject(), to(ann), List.of(), Optional.empty(), List.of()));
        assertThat(again.subject()).isEqualTo(advice.subject());
        assertThat(again.correlation()).contains(CorrelationMethod.TAG);
    }

    @Test
    void aReplyInATrackedThreadGetsTheThreadsRecordEvenToOtherAddresses() {
        UUID deal = record(RecordType.OPPORTUNITY, "Deal " + run);
        InboundMail tracked = aMail().in(john, MailFolder.INBOX).from(ann).to(john).subject("Question").taggedFor(deal).build();
        b.mailIntake().submit(List.of(tracked));
        assertThat(b.awaitIdle(WAIT)).isTrue();
        String trackedId = tracked.messageId().orElseThrow();

        TagAdvice byInReplyTo = tagging.advise(mail("Re: Question", to(ann), List.of(), Optional.of(trackedId), List.of(trackedId)));
        TagAdvice byReferences = tagging.advise(mail("Re: Question", to("someone." + run + "@other.example"), List.of(),
                Optional.empty(), List.of(trackedId)));

        assertThat(byInReplyTo.regarding().map(RecordRef::id)).contains(deal);
        assertThat(byInReplyTo.correlation()).contains(CorrelationMethod.THREAD);
        assertThat(byInReplyTo.evidence()).contains(trackedId);
        assertThat(byInReplyTo.subject()).isEqualTo("Re: Question CRM:{" + deal + "}:MRC");
        assertThat(byReferences.regarding().map(RecordRef::id)).contains(deal);
    }

    @Test
    void mailThatMatchesNothingOrSeveralRecordsOrOnlyColleaguesGetsNoTag() {
        record(RecordType.CONTACT, "Bea " + run, "bea." + run + "@client.example");

        List<TagAdvice> none = List.of(
                tagging.advise(mail("Hello", to("nobody." + run + "@nowhere.example"), List.of(), Optional.empty(), List.of())),
                tagging.advise(mail("Both", to(ann, "bea." + run + "@client.example"), List.of(), Optional.empty(), List.of())),
                tagging.advise(mail("Lunch", to(john), List.of(), Optional.empty(), List.of())),
                tagging.advise(mail("Old CRM:" + UUID.randomUUID() + ":MRC", to(ann), List.of(), Optional.empty(), List.of())));

        assertThat(none).allSatisfy(a -> {
            assertThat(a.tag()).isEmpty();
            assertThat(a.regarding()).isEmpty();
            assertThat(a.correlation()).isEmpty();
        });
        assertThat(none).extracting(TagAdvice::subject).startsWith("Hello", "Both", "Lunch");
    }

    @Test
    void aSubjectAlreadyTaggedKeepsItsTagAndIsNotTaggedTwice() {
        UUID deal = record(RecordType.OPPORTUNITY, "Deal " + run);
        String subject = "Re: Offer CRM: {" + deal + "}:mrc";

        TagAdvice advice = tagging.advise(mail(subject, to(ann), List.of(), Optional.empty(), List.of()));

        assertThat(advice.subject()).isEqualTo(subject);
        assertThat(advice.tag()).contains("CRM:{" + deal + "}:MRC");
        assertThat(advice.correlation()).contains(CorrelationMethod.TAG);
    }
}
