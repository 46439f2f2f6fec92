package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.mail.AttachmentInfo;
import io.crmbridge.agent.core.mail.BodyText;
import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.settings.AgentSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lotus.domino.Document;
import lotus.domino.NotesException;
import lotus.domino.Session;

/**
 * Turns a mail memo into a {@link MailMessage} on the calling (Domino) thread: parties as RFC 822
 * addresses where the {@code INet*} items have them and Notes names kept, subject, plain-text body,
 * threading ids, dates, attachment names and sizes, replica id and UNID (also the client reference).
 * Call it with MIME conversion off ({@code session.setConvertMime(false)}) so MIME bodies stay MIME.
 */
public final class MemoReader {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final Session session;
    private final Folder folder;
    private final String mailbox;
    private final String replicaId;
    private final BodyReader bodies;

    /**
     * @param mailbox the mailbox's internet address, or "" to use each memo's sender (sent mail only)
     * @param bodyLimitChars where plain-text bodies are cut
     */
    public MemoReader(Session session, Folder folder, String mailbox, String replicaId, int bodyLimitChars) {
        this.session = session;
        this.folder = folder;
        this.mailbox = mailbox == null ? "" : mailbox.trim();
        this.replicaId = replicaId == null ? "" : replicaId;
        this.bodies = new BodyReader(bodyLimitChars);
    }

    /**
     * Reads the memo; recycles every handle it obtained (not the document itself).
     *
     * @throws NotesException when Domino cannot read the document
     * @throws IllegalStateException when the message has no mailbox to be submitted for
     */
    public MailMessage read(Document doc) throws NotesException {
        DocumentItems items = new DocumentItems(doc);
        String unid = doc.getUniversalID();
        MailAddress from = sender(items);
        List<MailAddress> to = Addresses.list(items.texts("SendTo"), items.texts("INetSendTo"));
        List<MailAddress> cc = Addresses.list(items.texts("CopyTo"), items.texts("INetCopyTo"));
        List<MailAddress> bcc = Addresses.list(items.texts("BlindCopyTo"), items.texts("INetBlindCopyTo"));
        BodyText body = bodies.read(doc);
        MailMessage.Builder b = MailMessage.builder()
                .clientRef(unid)
                .unid(unid)
                .replicaId(replicaId)
                .folder(folder)
                .mailbox(mailboxFor(from))
                .messageId(messageId(items.text("$MessageID")))
                .inReplyTo(messageId(items.text("In_Reply_To")))
                .references(messageIds(items.texts("References")))
                .subject(items.text("Subject"))
                .from(from)
                .to(to)
                .cc(cc)
                .bcc(bcc)
                .postedAt(items.instant("PostedDate").orElse(null))
                .deliveredAt(items.instant("DeliveredDate").orElse(null))
                .body(body.text(), body.truncated())
                .attachments(attachments(doc));
        return b.build();
    }

    /** Principal names the sender when mail went out on someone's behalf; INetFrom is then that person's address. */
    static MailAddress sender(DocumentItems items) throws NotesException {
        String notes = items.text("Principal").trim();
        if (notes.isEmpty()) {
            notes = items.text("From").trim();
        }
        return Addresses.of(notes, items.text("INetFrom"));
    }

    private String mailboxFor(MailAddress from) {
        if (!mailbox.isEmpty()) {
            return mailbox;
        }
        if (from != null && !from.email().isEmpty()) {
            return from.email(); // a sent memo's sender is the mailbox owner (or the owner's delegate)
        }
        throw new IllegalStateException("the mailbox's internet address is unknown: set "
                + AgentSettings.MAILBOX_ADDRESS + " in the CRM Bridge settings");
    }

    private List<AttachmentInfo> attachments(Document doc) throws NotesException {
        Vector<?> names = session.evaluate("@AttachmentNames", doc);
        Vector<?> lengths = session.evaluate("@AttachmentLengths", doc);
        if (names == null || names.isEmpty()) {
            return Collections.emptyList();
        }
        List<AttachmentInfo> out = new ArrayList<AttachmentInfo>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).toString().trim();
            if (name.isEmpty()) {
                continue;
            }
            long size = 0;
            if (lengths != null && i < lengths.size() && lengths.get(i) instanceof Number) {
                size = Math.max(0, Math.round(((Number) lengths.get(i)).doubleValue()));
            }
            out.add(new AttachmentInfo(name, size));
        }
        return out;
    }

    /** The first {@code <id>} in the text, or the trimmed text when it has no angle brackets. */
    static String messageId(String text) {
        Matcher m = MESSAGE_ID.matcher(text);
        return m.find() ? m.group() : text.trim();
    }

    /** Every {@code <id>} of the References values (one value holding all, or one value each). */
    static List<String> messageIds(List<String> values) {
        List<String> ids = new ArrayList<String>();
        for (String value : values) {
            Matcher m = MESSAGE_ID.matcher(value);
            boolean any = false;
            while (m.find()) {
                ids.add(m.group());
                any = true;
            }
            if (!any) {
                for (String token : value.trim().split("[\\s,]+")) {
                    if (!token.isEmpty()) {
                        ids.add(token);
                    }
                }
            }
        }
        return ids;
    }
}
