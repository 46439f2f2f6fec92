package io.crmbridge.agent.domino;

import lotus.domino.NotesException;

/** Words for Domino's failures: NotesException keeps its details in public fields, not in getMessage(). */
final class Notes {
    private Notes() {
    }

    static String reason(NotesException e) {
        String text = e.text != null && !e.text.isEmpty() ? e.text : e.getMessage();
        return (text == null || text.isEmpty() ? "NotesException" : text) + " (Notes error " + e.id + ")";
    }

    static String reason(Exception e) {
        if (e instanceof NotesException) {
            return reason((NotesException) e);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
