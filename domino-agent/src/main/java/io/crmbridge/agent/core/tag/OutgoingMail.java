package io.crmbridge.agent.core.tag;

import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An outgoing mail as the service's {@code TagOutgoing} needs it to find the record the mail belongs
 * to: the sending mailbox, subject, recipients and threading ids. No body. Immutable; absent text is "".
 */
public final class OutgoingMail {
    private final String mailbox;
    private final String subject;
    private final List<MailAddress> to;
    private final List<MailAddress> cc;
    private final List<MailAddress> bcc;
    private final String inReplyTo;
    private final List<String> references;

    private OutgoingMail(Builder b) {
        if (b.mailbox == null || b.mailbox.trim().isEmpty()) {
            throw new IllegalArgumentException("an outgoing mail needs the sending mailbox");
        }
        this.mailbox = b.mailbox.trim();
        this.subject = b.subject == null ? "" : b.subject;
        this.to = copy(b.to);
        this.cc = copy(b.cc);
        this.bcc = copy(b.bcc);
        this.inReplyTo = b.inReplyTo == null ? "" : b.inReplyTo.trim();
        this.references = copy(b.references);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The outgoing view of a message read from a mail file (its mailbox, subject, parties and thread). */
    public static OutgoingMail of(MailMessage m) {
        return builder().mailbox(m.mailbox()).subject(m.subject()).to(m.to()).cc(m.cc()).bcc(m.bcc())
                .inReplyTo(m.inReplyTo()).references(m.references()).build();
    }

    /** Internet address of the mailbox sending the mail. */
    public String mailbox() {
        return mailbox;
    }

    public String subject() {
        return subject;
    }

    public List<MailAddress> to() {
        return to;
    }

    public List<MailAddress> cc() {
        return cc;
    }

    public List<MailAddress> bcc() {
        return bcc;
    }

    /** The Message-ID this mail answers, or "". */
    public String inReplyTo() {
        return inReplyTo;
    }

    public List<String> references() {
        return references;
    }

    @Override
    public String toString() {
        // Addresses and subject stay out: logs name the mailbox and the document, not the content.
        return "OutgoingMail[" + mailbox + ", " + (to.size() + cc.size() + bcc.size()) + " recipients"
                + (inReplyTo.isEmpty() ? "" : ", in reply to " + inReplyTo) + "]";
    }

    private static <T> List<T> copy(List<T> list) {
        for (T t : list) {
            if (t == null) {
                throw new IllegalArgumentException("lists of an outgoing mail must not hold null");
            }
        }
        return Collections.unmodifiableList(new ArrayList<T>(list));
    }

    /** Collects the values of an {@link OutgoingMail}; only the mailbox is required. */
    public static final class Builder {
        private String mailbox;
        private String subject;
        private final List<MailAddress> to = new ArrayList<MailAddress>();
        private final List<MailAddress> cc = new ArrayList<MailAddress>();
        private final List<MailAddress> bcc = new ArrayList<MailAddress>();
        private String inReplyTo;
        private final List<String> references = new ArrayList<String>();

        private Builder() {
        }

        public Builder mailbox(String v) { mailbox = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder to(List<MailAddress> v) { to.clear(); to.addAll(v); return this; }
        public Builder cc(List<MailAddress> v) { cc.clear(); cc.addAll(v); return this; }
        public Builder bcc(List<MailAddress> v) { bcc.clear(); bcc.addAll(v); return this; }
        public Builder inReplyTo(String v) { inReplyTo = v; return this; }
        public Builder references(List<String> v) { references.clear(); references.addAll(v); return this; }

        public OutgoingMail build() {
            return new OutgoingMail(this);
        }
    }
}
