package io.crmbridge.backend;

import io.crmbridge.backend.intake.AttachmentMeta;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.Party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds submitted mail that reads like the domain: "a mail from a customer, tagged for this record, in the Inbox". */
public final class Mails {
    private String clientRef = "ref-" + UUID.randomUUID();
    private String mailbox = "jane.doe@acme.example";
    private MailFolder folder = MailFolder.INBOX;
    private Optional<String> messageId = Optional.of("<" + UUID.randomUUID() + "@mail.example>");
    private Optional<String> inReplyTo = Optional.empty();
    private List<String> references = new ArrayList<>();
    private List<Party> cc = new ArrayList<>();
    private Optional<Instant> deliveredAt = Optional.empty();
    private String subject = "Quotation";
    private Optional<Party> from = Optional.of(new Party("customer@client.example", "A Customer", ""));
    private List<Party> to = new ArrayList<>(List.of(new Party("jane.doe@acme.example", "Jane Doe", "CN=Jane Doe/O=Acme")));
    private Instant postedAt = Instant.parse("2024-05-06T07:08:09Z");
    private String body = "Hello, please find the quotation attached.";
    private List<AttachmentMeta> attachments = new ArrayList<>();
    private String unid = UUID.randomUUID().toString().replace("-", "").toUpperCase();

    private Mails() {
    }

    /** A mail from a customer in Jane's Inbox with a fresh Message-ID and no tag. */
    public static Mails aMail() {
        return new Mails();
    }

    public Mails taggedFor(UUID recordId) {
        this.subject = subject + " CRM:" + recordId + ":MRC";
        return this;
    }

    public Mails subject(String s) {
        this.subject = s;
        return this;
    }

    public Mails in(String mailbox, MailFolder folder) {
        this.mailbox = mailbox;
        this.folder = folder;
        return this;
    }

    public Mails messageId(String id) {
        this.messageId = Optional.ofNullable(id);
        return this;
    }

    public Mails withoutMessageId() {
        this.messageId = Optional.empty();
        return this;
    }

    public Mails clientRef(String ref) {
        this.clientRef = ref;
        return this;
    }

    public Mails from(String email) {
        this.from = Optional.of(new Party(email, "", ""));
        return this;
    }

    public Mails to(String... emails) {
        this.to = new ArrayList<>();
        for (String e : emails) {
            to.add(new Party(e, "", ""));
        }
        return this;
    }

    public Mails from(Party p) {
        this.from = Optional.of(p);
        return this;
    }

    public Mails to(Party... parties) {
        this.to = new ArrayList<>(List.of(parties));
        return this;
    }

    public Mails cc(String... emails) {
        this.cc = new ArrayList<>();
        for (String e : emails) {
            cc.add(new Party(e, "", ""));
        }
        return this;
    }

    /** A reply to {@code messageId}: In-Reply-To names it, References end with it. */
    public Mails replyTo(String messageId, String... earlierReferences) {
        this.inReplyTo = Optional.of(messageId);
        this.references = new ArrayList<>(List.of(earlierReferences));
        references.add(messageId);
        return this;
    }

    public Mails references(String... ids) {
        this.references = new ArrayList<>(List.of(ids));
        return this;
    }

    public Mails deliveredAt(Instant t) {
        this.deliveredAt = Optional.of(t);
        return this;
    }

    public Mails postedAt(Instant t) {
        this.postedAt = t;
        return this;
    }

    public Mails body(String b) {
        this.body = b;
        return this;
    }

    public Mails attachment(String name, long size) {
        attachments.add(new AttachmentMeta(name, size));
        return this;
    }

    public InboundMail build() {
        return new InboundMail(clientRef, mailbox, folder, messageId, inReplyTo, references, subject, from, to, cc,
                List.of(), Optional.ofNullable(postedAt), deliveredAt, body, false, attachments, "85257A2B00123456", unid);
    }
}
