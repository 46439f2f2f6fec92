package io.crmbridge.agent.domino;

import java.util.Locale;
import lotus.domino.NotesException;

/** What a document is to the agents: a received memo, a sent memo, or something else (drafts, calendar entries, ...). */
enum MemoKind {
    RECEIVED,
    SENT,
    OTHER;

    /**
     * A memo has the form Memo, Reply or Reply With History (or none: the router adds Memo, but be
     * lenient) and is no replication conflict. Received: it has a DeliveredDate. Sent: a PostedDate
     * and no DeliveredDate. Without either it is a draft.
     */
    static MemoKind of(DocumentItems items) throws NotesException {
        String form = items.text("Form").trim().toLowerCase(Locale.ROOT);
        boolean memo = form.isEmpty() || form.equals("memo") || form.equals("reply") || form.equals("reply with history");
        if (!memo || items.has("$Conflict")) {
            return OTHER;
        }
        if (items.has("DeliveredDate")) {
            return RECEIVED;
        }
        return items.has("PostedDate") ? SENT : OTHER;
    }
}
