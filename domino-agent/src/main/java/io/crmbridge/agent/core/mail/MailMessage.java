package io.crmbridge.agent.core.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A mail as CRM Bridge submits it: who, what, when, where it was seen, and the Domino document it came
 * from. Immutable; text that is absent is an empty string, lists are never null.
 */
public final class MailMessage {
    private final String clientRef;
    private final String mailbox;
    private final Folder folder;
    private final String messageId;
    private final String inReplyTo;
    private final List<String> references;
    private final String subject;
    private final Optional<MailAddress> from;
    private final List<MailAddress> to;
    private final List<MailAddress> cc;
    private final List<MailAddress> bcc;
    private final Optional<Instant> postedAt;
    private final Optional<Instant> deliveredAt;
    private final String body;
    private final boolean bodyTruncated;
    private final List<AttachmentInfo> attachments;
    private final String replicaId;
    private final String unid;

    private MailMessage(Builder b) {
        this.clientRef = require(b.clientRef, "clientRef");
        this.mailbox = require(b.mailbox, "mailbox");
        if (b.folder == null) {
            throw new IllegalArgumentException("a message needs a folder");
        }
        this.folder = b.folder;
        this.messageId = text(b.messageId);
        this.inReplyTo = text(b.inReplyTo);
        this.references = copy(b.references);
        this.subject = b.subject == null ? "" : b.subject;
        this.from = Optional.ofNullable(b.from);
        this.to = copy(b.to);
        this.cc = copy(b.cc);
        this.bcc = copy(b.bcc);
        this.postedAt = Optional.ofNullable(b.postedAt);
        this.deliveredAt = Optional.ofNullable(b.deliveredAt);
        this.body = b.body == null ? "" : b.body;
        this.bodyTruncated = b.bodyTruncated;
        this.attachments = copy(b.attachments);
        this.replicaId = text(b.replicaId);
        this.unid = text(b.unid);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientRef = clientRef;
        b.mailbox = mailbox;
        b.folder = folder;
        b.messageId = messageId;
        b.inReplyTo = inReplyTo;
        b.references.addAll(references);
        b.subject = subject;
        b.from = from.orElse(null);
        b.to.addAll(to);
        b.cc.addAll(cc);
        b.bcc.addAll(bcc);
        b.postedAt = postedAt.orElse(null);
        b.deliveredAt = deliveredAt.orElse(null);
        b.body = body;
        b.bodyTruncated = bodyTruncated;
        b.attachments.addAll(attachments);
        b.replicaId = replicaId;
        b.unid = unid;
        return b;
    }

    /** The submitter's own reference for this message, echoed in its receipt (the agent uses the UNID). */
    public String clientRef() {
        return clientRef;
    }

    /** Internet address of the mailbox the message was seen in. */
    public String mailbox() {
        return mailbox;
    }

    public Folder folder() {
        return folder;
    }

    /** The RFC 5322 Message-ID with its angle brackets, or "" when the mail has none. */
    public String messageId() {
        return messageId;
    }

    public String inReplyTo() {
        return inReplyTo;
    }

    public List<String> references() {
        return references;
    }

    public String subject() {
        return subject;
    }

    public Optional<MailAddress> from() {
        return from;
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

    public Optional<Instant> postedAt() {
        return postedAt;
    }

    public Optional<Instant> deliveredAt() {
        return deliveredAt;
    }

    /** Plain-text body, possibly cut to the configured limit. */
    public String body() {
        return body;
    }

    public boolean bodyTruncated() {
        return bodyTruncated;
    }

    public List<AttachmentInfo> attachments() {
        return attachments;
    }

    /** Replica id of the Domino database the message was read from, or "". */
    public String replicaId() {
        return replicaId;
    }

    /** Universal id of the Domino document, or "" for mail that did not come from Domino. */
    public String unid() {
        return unid;
    }

    @Override
    public String toString() {
        // Never the body: logs must not carry mail content.
        return "MailMessage[" + folder + " " + mailbox + " ref=" + clientRef
                + (messageId.isEmpty() ? "" : " id=" + messageId) + "]";
    }

    private static String require(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("a message needs a " + name);
        }
        return value.trim();
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static <T> List<T> copy(List<T> list) {
        for (T t : list) {
            if (t == null) {
                throw new IllegalArgumentException("lists of a message must not hold null");
            }
        }
        return Collections.unmodifiableList(new ArrayList<T>(list));
    }

    /** Collects the values of a {@link MailMessage}; {@link #build()} checks them. */
    public static final class Builder {
        private String clientRef;
        private String mailbox;
        private Folder folder;
        private String messageId;
        private String inReplyTo;
        private final List<String> references = new ArrayList<String>();
        private String subject;
        private MailAddress from;
        private final List<MailAddress> to = new ArrayList<MailAddress>();
        private final List<MailAddress> cc = new ArrayList<MailAddress>();
        private final List<MailAddress> bcc = new ArrayList<MailAddress>();
        private Instant postedAt;
        private Instant deliveredAt;
        private String body;
        private boolean bodyTruncated;
        private final List<AttachmentInfo> attachments = new ArrayList<AttachmentInfo>();
        private String replicaId;
        private String unid;

        private Builder() {
        }

        public Builder clientRef(String v) { clientRef = v; return this; }
        public Builder mailbox(String v) { mailbox = v; return this; }
        public Builder folder(Folder v) { folder = v; return this; }
        public Builder messageId(String v) { messageId = v; return this; }
        public Builder inReplyTo(String v) { inReplyTo = v; return this; }
        public Builder references(List<String> v) { references.clear(); references.addAll(v); return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder from(MailAddress v) { from = v; return this; }
        public Builder to(List<MailAddress> v) { to.clear(); to.addAll(v); return this; }
        public Builder cc(List<MailAddress> v) { cc.clear(); cc.addAll(v); return this; }
        public Builder bcc(List<MailAddress> v) { bcc.clear(); bcc.addAll(v); return this; }
        public Builder postedAt(Instant v) { postedAt = v; return this; }
        public Builder deliveredAt(Instant v) { deliveredAt = v; return this; }
        public Builder body(String v, boolean truncated) { body = v; bodyTruncated = truncated; return this; }
        public Builder attachments(List<AttachmentInfo> v) { attachments.clear(); attachments.addAll(v); return this; }
        public Builder replicaId(String v) { replicaId = v; return this; }
        public Builder unid(String v) { unid = v; return this; }

        public MailMessage build() {
            return new MailMessage(this);
        }
    }
}
