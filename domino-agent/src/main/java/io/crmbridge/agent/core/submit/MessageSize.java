package io.crmbridge.agent.core.submit;

import io.crmbridge.agent.core.mail.AttachmentInfo;
import io.crmbridge.agent.core.mail.MailAddress;
import io.crmbridge.agent.core.mail.MailMessage;
import java.util.List;

/**
 * Estimates how many bytes a message takes in a SOAP request, so batches can be cut by size before
 * they are written. Counts UTF-8 bytes of the text plus a fixed allowance per element for the tags.
 */
final class MessageSize {
    private static final int ELEMENT = 48;

    private MessageSize() {
    }

    static long estimate(MailMessage m) {
        long n = ELEMENT * 8L;
        n += text(m.clientRef()) + text(m.mailbox()) + text(m.messageId()) + text(m.inReplyTo());
        for (String r : m.references()) {
            n += text(r);
        }
        n += text(m.subject()) + text(m.body()) + text(m.replicaId()) + text(m.unid());
        if (m.from().isPresent()) {
            n += address(m.from().get());
        }
        n += addresses(m.to()) + addresses(m.cc()) + addresses(m.bcc());
        for (AttachmentInfo a : m.attachments()) {
            n += text(a.name()) + 2L * ELEMENT;
        }
        return n;
    }

    private static long addresses(List<MailAddress> list) {
        long n = 0;
        for (MailAddress a : list) {
            n += address(a);
        }
        return n;
    }

    private static long address(MailAddress a) {
        return text(a.email()) + text(a.displayName()) + text(a.notesName()) + 3L * ELEMENT;
    }

    /** UTF-8 length plus the element around it; markup escapes (&amp;) are rare enough to ignore. */
    static long text(String s) {
        long n = ELEMENT;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 2; // the pair is 4 bytes; its low half adds the other 2
            } else {
                n += Character.isLowSurrogate(c) ? 2 : 3;
            }
        }
        return n;
    }
}
