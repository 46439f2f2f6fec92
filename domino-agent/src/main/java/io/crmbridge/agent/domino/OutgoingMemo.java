package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.tag.OutgoingMail;
import lotus.domino.NotesException;

/** Reads a memo (being sent, or sent) into the {@link OutgoingMail} that TagOutgoing asks about. */
final class OutgoingMemo {
    private OutgoingMemo() {
    }

    /**
     * The memo's recipients as typed or resolved (Notes names and internet addresses), subject and
     * threading ids ({@code In_Reply_To}, {@code References}); no body.
     */
    static OutgoingMail read(DocumentItems items, String mailbox) throws NotesException {
        return OutgoingMail.builder()
                .mailbox(mailbox)
                .subject(items.text("Subject"))
                .to(Addresses.list(items.texts("SendTo"), items.texts("INetSendTo")))
                .cc(Addresses.list(items.texts("CopyTo"), items.texts("INetCopyTo")))
                .bcc(Addresses.list(items.texts("BlindCopyTo"), items.texts("INetBlindCopyTo")))
                .inReplyTo(MemoReader.messageId(items.text("In_Reply_To")))
                .references(MemoReader.messageIds(items.texts("References")))
                .build();
    }
}
