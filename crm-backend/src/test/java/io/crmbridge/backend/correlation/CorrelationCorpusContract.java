package io.crmbridge.backend.correlation;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.Mails;
import io.crmbridge.backend.Sql;
import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.activity.Direction;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.MailState;
import io.crmbridge.backend.intake.MailStatus;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.intake.Receipt;
import io.crmbridge.backend.record.RecordInput;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.review.UnresolvedItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of the issue, at the backend: threads, forwards, fresh mail from known, unknown and shared
 * addresses, and internal mail, each submitted as an agent would and ending where the rules say, with the
 * reason GetMailStatus shows.
 */
abstract class CorrelationCorpusContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract BackendSettings settings();

    private CrmBackend b;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String jane = "jane." + run + "@acme.example";
    private final String john = "john." + run + "@acme.example";
    private final String ann = "ann." + run + "@client.example";
    private UUID annId;

    @BeforeEach
    void start() {
        b = CrmBackend.start(settings().withWorkers(2));
        annId = record(RecordType.CONTACT, "Ann Customer", ann);
        // Jane and John are ours: their mailboxes have submitted mail (John's Sent copy shows his Notes name)
        submit(aMail().in(jane, MailFolder.SENT).from(new Party(jane, "Jane Doe", "CN=Jane Doe/O=Acme")).to(jane).build());
        submit(aMail().in(john, MailFolder.SENT).from(new Party(john, "John Roe", "CN=John Roe " + run + "/OU=Sales/O=Acme")).to(john).build());
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

    private MailStatus submit(InboundMail mail) {
        Receipt r = b.mailIntake().submit(List.of(mail)).get(0);
        assertThat(b.awaitIdle(WAIT)).isTrue();
        return b.mailIntake().status(List.of(r.receiptId().orElseThrow())).get(0);
    }

    private static void linked(MailStatus s, UUID record, CorrelationMethod method, String evidence) {
        assertThat(s.state()).as("state of %s", s).isEqualTo(MailState.RECORDED);
        assertThat(s.regarding().map(RecordRef::id)).as("regarding of %s", s).contains(record);
        assertThat(s.correlation()).as("method of %s", s).contains(method);
        assertThat(s.evidence()).as("evidence of %s", s).contains(evidence);
        assertThat(s.reason()).isEmpty();
    }

    private static void waiting(MailStatus s, String reason) {
        assertThat(s.state()).as("state of %s", s).isEqualTo(MailState.UNRESOLVED);
        assertThat(s.reason()).as("reason of %s", s).contains(reason);
        assertThat(s.regarding()).isEmpty();
    }

    private Direction direction(MailStatus s) {
        return Direction.valueOf((String) Sql.rows(settings(), "SELECT direction FROM email_activities WHERE id = ?",
                UUID.fromString(s.activityId().orElseThrow())).get(0).get("direction"));
    }

    @Test
    void aThreadIsFollowedFromTheTaggedFirstMailThroughRepliesWithoutTheTag() {
        UUID deal = record(RecordType.OPPORTUNITY, "Big deal " + run);
        InboundMail first = aMail().in(jane, MailFolder.SENT).from(jane).to(ann).subject("Offer").taggedFor(deal).build();
        String firstId = first.messageId().orElseThrow();
        InboundMail reply = aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("Re: Offer").replyTo(firstId).build();
        String replyId = reply.messageId().orElseThrow();
        InboundMail replyToReply = aMail().in(jane, MailFolder.SENT).from(jane).to(ann).subject("Re: Re: Offer")
                .replyTo(replyId, firstId).build();
        // a client that kept References but lost In-Reply-To, and whose parent is unknown to us
        InboundMail olderClient = aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("Re: Offer")
                .references(firstId, "<never-seen-" + run + "@client.example>").build();

        MailStatus s1 = submit(first);
        MailStatus s2 = submit(reply);
        MailStatus s3 = submit(replyToReply);
        MailStatus s4 = submit(olderClient);

        linked(s1, deal, CorrelationMethod.TAG, "CRM:" + deal + ":MRC");
        // the thread wins over Ann's address (she is a contact of her own): the deal, not Ann
        linked(s2, deal, CorrelationMethod.THREAD, firstId);
        linked(s3, deal, CorrelationMethod.THREAD, replyId);
        linked(s4, deal, CorrelationMethod.THREAD, firstId);
        assertThat(direction(s1)).isEqualTo(Direction.OUTBOUND);
        assertThat(direction(s2)).isEqualTo(Direction.INBOUND);
    }

    /*
     * What a forward carries: a new Message-ID, "Fwd:" before the subject, usually the subject's tag, and, from
     * some clients, References to the forwarded mail (Notes and Outlook send none). The rules treat it like any
     * mail: a kept tag links it; kept References link it to the thread; otherwise its addresses decide; a
     * forward to a colleague is internal.
     */
    @Test
    void aForwardIsLinkedByTheTagItKeepsOrTheReferencesItCarriesOrItsAddresses() {
        UUID deal = record(RecordType.OPPORTUNITY, "Deal " + run);
        String partner = "partner." + run + "@partner.example";
        InboundMail original = aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("Specs").taggedFor(deal).build();
        String originalId = original.messageId().orElseThrow();
        submit(original);

        MailStatus taggedToColleague = submit(aMail().in(jane, MailFolder.SENT).from(jane).to(john)
                .subject("Fwd: Specs CRM:" + deal + ":MRC").build());
        MailStatus untaggedToColleague = submit(aMail().in(jane, MailFolder.SENT).from(jane).to(john)
                .subject("Fwd: Specs").references(originalId).build());
        MailStatus withReferences = submit(aMail().in(jane, MailFolder.SENT).from(jane).to(partner)
                .subject("Fwd: Specs").references(originalId).build());
        MailStatus bare = submit(aMail().in(jane, MailFolder.SENT).from(jane).to(partner).subject("Fwd: Specs").build());
        MailStatus toAnn = submit(aMail().in(jane, MailFolder.SENT).from(jane).to(ann).subject("Fwd: Specs").build());

        linked(taggedToColleague, deal, CorrelationMethod.TAG, "CRM:" + deal + ":MRC");
        assertThat(untaggedToColleague.state()).isEqualTo(MailState.IGNORED);
        assertThat(untaggedToColleague.reason()).contains("INTERNAL_ONLY");
        linked(withReferences, deal, CorrelationMethod.THREAD, originalId);
        waiting(bare, "NO_MATCH");
        assertThat(bare.detail().orElseThrow()).contains(partner);
        linked(toAnn, annId, CorrelationMethod.ADDRESS, ann);
    }

    @Test
    void freshMailFromAKnownContactIsLinkedByAddressCaseInsensitivelyOnTheWholeAddress() {
        MailStatus exact = submit(aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("Hello").build());
        MailStatus shouting = submit(aMail().in(jane, MailFolder.INBOX).from(ann.toUpperCase()).to(jane).subject("HELLO").build());
        MailStatus partOfIt = submit(aMail().in(jane, MailFolder.INBOX).from("x" + ann).to(jane).subject("Hello").build());

        linked(exact, annId, CorrelationMethod.ADDRESS, ann);
        linked(shouting, annId, CorrelationMethod.ADDRESS, ann);
        waiting(partOfIt, "NO_MATCH");
    }

    @Test
    void mailFromAnUnknownAddressWaitsAsNoMatchWithTheAddressTried() {
        String stranger = "stranger." + run + "@nowhere.example";

        MailStatus s = submit(aMail().in(jane, MailFolder.INBOX).from(stranger).to(jane).subject("Cold call").build());

        waiting(s, "NO_MATCH");
        assertThat(s.detail().orElseThrow()).contains(stranger);
    }

    @Test
    void anAddressSharedByTwoContactsWaitsAsAmbiguousListingBothAsCandidatesAndParties() {
        String shared = "office." + run + "@client.example";
        UUID one = record(RecordType.CONTACT, "Bea One", shared);
        UUID two = record(RecordType.LEAD, "Cy Two", shared);

        MailStatus s = submit(aMail().in(jane, MailFolder.INBOX).from(shared).to(jane).subject("Who am I").build());

        waiting(s, "AMBIGUOUS");
        assertThat(s.detail().orElseThrow()).contains(shared, one.toString(), two.toString(), "Bea One", "Cy Two");
        UUID activity = UUID.fromString(s.activityId().orElseThrow());
        assertThat(Sql.rows(settings(), "SELECT matched_record_id FROM activity_parties WHERE activity_id = ? AND role = 'FROM'",
                activity)).extracting(r -> r.get("matched_record_id")).containsExactlyInAnyOrder(one, two);
        UnresolvedItem item = b.reviewQueue().list(Optional.of("AMBIGUOUS"), Optional.of(jane), 50, Optional.empty()).items()
                .stream().filter(i -> i.activityId().equals(activity)).findFirst().orElseThrow();
        assertThat(item.candidates()).extracting(RecordRef::id).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void aContactWinsOverAnAccountAndAnAccountsAddressLinksWhenNoPersonHasIt() {
        String info = "info." + run + "@client.example";
        UUID account = record(RecordType.ACCOUNT, "Client Ltd " + run, info, ann);

        MailStatus fromInfo = submit(aMail().in(jane, MailFolder.INBOX).from(info).to(jane).subject("Invoice").build());
        MailStatus fromAnn = submit(aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("Invoice").build());

        linked(fromInfo, account, CorrelationMethod.ADDRESS, info);
        linked(fromAnn, annId, CorrelationMethod.ADDRESS, ann);
    }

    @Test
    void mailBetweenInternalUsersOnlyIsNotTrackedUnlessTagged() {
        MailStatus internal = submit(aMail().in(john, MailFolder.INBOX).from(jane).to(john).subject("Lunch?").build());
        MailStatus tagged = submit(aMail().in(john, MailFolder.INBOX).from(jane).to(john).subject("About Ann").taggedFor(annId).build());

        assertThat(internal.state()).isEqualTo(MailState.IGNORED);
        assertThat(internal.reason()).contains("INTERNAL_ONLY");
        assertThat(internal.detail().orElseThrow()).contains(jane, john);
        assertThat(b.reviewQueue().list(Optional.empty(), Optional.of(john), 50, Optional.empty()).items())
                .extracting(UnresolvedItem::activityId).doesNotContain(UUID.fromString(internal.activityId().orElseThrow()));
        linked(tagged, annId, CorrelationMethod.TAG, "CRM:" + annId + ":MRC");
    }

    @Test
    void aTagNamingNoRecordWaitsAsUnknownRecordEvenWhenTheAddressWouldMatch() {
        UUID nobody = UUID.randomUUID();

        MailStatus s = submit(aMail().in(jane, MailFolder.INBOX).from(ann).to(jane).subject("Old thread").taggedFor(nobody).build());

        waiting(s, "UNKNOWN_RECORD");
        assertThat(s.detail()).contains(nobody.toString());
    }

    @Test
    void outgoingMailIsLinkedByItsOnlyKnownRecipientAndColleaguesInCopyDoNotCount() {
        String stranger = "new." + run + "@elsewhere.example";

        MailStatus s = submit(aMail().in(jane, MailFolder.SENT).from(jane).to(stranger, ann).cc(john).subject("Meeting").build());

        linked(s, annId, CorrelationMethod.ADDRESS, ann);
        assertThat(direction(s)).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void notesNamesAreResolvedThroughTheSystemUsers() {
        // John's copy to Ann, seen in Jane's Inbox (she was in copy), with John known only by his Notes name
        InboundMail fromJohn = aMail().in(jane, MailFolder.INBOX).from(new Party("", "John Roe", "john roe " + run.toUpperCase() + "/Sales/Acme"))
                .to(ann).subject("Proposal").build();

        MailStatus s = submit(fromJohn);

        linked(s, annId, CorrelationMethod.ADDRESS, ann);
        assertThat(direction(s)).isEqualTo(Direction.OUTBOUND);
        UUID activity = UUID.fromString(s.activityId().orElseThrow());
        assertThat(Sql.rows(settings(), """
                        SELECT p.email, u.mailbox FROM activity_parties p JOIN system_users u ON u.id = p.matched_system_user_id
                        WHERE p.activity_id = ? AND p.role = 'FROM'""", activity))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("email", john).containsEntry("mailbox", john));
    }

    @Test
    void aNotesNameWithoutInternetAddressIsADominoUserSoSuchMailIsInternal() {
        MailStatus s = submit(aMail().in(jane, MailFolder.INBOX).from(new Party("", "Bob", "CN=Bob Newhire/O=Acme"))
                .to(jane).subject("Hi").build());

        assertThat(s.state()).isEqualTo(MailState.IGNORED);
        assertThat(s.reason()).contains("INTERNAL_ONLY");
    }

    @Test
    void addressesInAnInternalDomainAreInternalBeforeTheirMailboxEverSubmitted() {
        b.close();
        b = CrmBackend.start(settings().withWorkers(2).withInternalDomains(List.of("@Acme.Example")));

        MailStatus s = submit(aMail().in(jane, MailFolder.INBOX).from("carol." + run + "@acme.example").to(jane).subject("Hi").build());

        assertThat(s.state()).isEqualTo(MailState.IGNORED);
        assertThat(s.reason()).contains("INTERNAL_ONLY");
    }
}
