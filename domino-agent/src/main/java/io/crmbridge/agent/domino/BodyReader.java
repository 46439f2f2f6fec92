package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.mail.BodyText;
import io.crmbridge.agent.core.mail.HtmlText;
import java.util.Locale;
import lotus.domino.Document;
import lotus.domino.Item;
import lotus.domino.MIMEEntity;
import lotus.domino.NotesException;
import lotus.domino.RichTextItem;

/**
 * Reads a memo's Body as plain text, cut to the limit: the unformatted text of rich text, or for
 * native MIME ({@code $NoteHasNativeMIME} "1", read with MIME conversion off) the first text/plain
 * part, else the first text/html part made plain. Transfer encodings are decoded by Domino
 * ({@code decodeContent()}), which also converts from the part's charset.
 */
final class BodyReader {
    static final String BODY = "Body";

    private final int limit;

    BodyReader(int limitChars) {
        this.limit = limitChars;
    }

    BodyText read(Document doc) throws NotesException {
        if ("1".equals(doc.getItemValueString("$NoteHasNativeMIME").trim())) {
            String mime = mimeText(doc);
            if (mime != null) {
                return BodyText.of(mime, limit);
            }
        }
        return BodyText.of(richText(doc), limit);
    }

    private static String richText(Document doc) throws NotesException {
        try (Handles h = new Handles()) {
            Item body = h.hold(doc.getFirstItem(BODY));
            if (body == null) {
                return "";
            }
            if (body instanceof RichTextItem) {
                return nonNull(((RichTextItem) body).getUnformattedText());
            }
            return nonNull(body.getText());
        }
    }

    /** The MIME body's text, or null when the Body is not MIME after all. */
    private static String mimeText(Document doc) throws NotesException {
        Found found = new Found();
        try (Handles h = new Handles()) {
            MIMEEntity root = h.hold(doc.getMIMEEntity(BODY));
            if (root == null) {
                return null;
            }
            walk(root, h, found);
        } finally {
            doc.closeMIMEEntities(false, BODY);
        }
        if (found.plain != null) {
            return found.plain;
        }
        return found.html == null ? "" : HtmlText.toPlainText(found.html);
    }

    /** Depth first, the way a mail reader picks what to show; attachments and attached messages are not the body. */
    private static void walk(MIMEEntity entity, Handles h, Found found) throws NotesException {
        String type = lower(entity.getContentType());
        String subType = lower(entity.getContentSubType());
        if (type.equals("multipart")) {
            MIMEEntity child = h.hold(entity.getFirstChildEntity());
            while (child != null && found.plain == null) {
                walk(child, h, found);
                child = h.hold(child.getNextSibling());
            }
            return;
        }
        if (!type.equals("text") || isAttachment(entity)) {
            return;
        }
        if (subType.equals("plain") && found.plain == null) {
            found.plain = content(entity);
        } else if (subType.equals("html") && found.html == null) {
            found.html = content(entity);
        }
    }

    private static String content(MIMEEntity entity) throws NotesException {
        int encoding = entity.getEncoding();
        if (encoding == MIMEEntity.ENC_QUOTED_PRINTABLE || encoding == MIMEEntity.ENC_BASE64) {
            entity.decodeContent(); // in memory only: the document is never saved
        }
        return nonNull(entity.getContentAsText());
    }

    private static boolean isAttachment(MIMEEntity entity) throws NotesException {
        String headers = lower(entity.getHeaders());
        for (String line : headers.split("\r?\n")) {
            if (line.startsWith("content-disposition:") && line.contains("attachment")) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The first plain and html parts met. */
    private static final class Found {
        String plain;
        String html;
    }
}
