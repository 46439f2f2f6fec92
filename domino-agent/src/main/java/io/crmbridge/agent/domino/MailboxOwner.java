package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import lotus.domino.Database;
import lotus.domino.Document;
import lotus.domino.NotesException;
import lotus.domino.Session;

/**
 * Finds the internet address of the mailbox a mail file belongs to, which the service needs with
 * every message. In order: the {@code MailboxAddress} of the CRM Bridge settings profile; the
 * {@code Owner} of the mail file's calendar profile when it is an internet address, else that
 * owner's {@code InternetAddress} in the Domino Directory (@NameLookup). When all fail, the Sent
 * agent uses each sent memo's own sender address and the Inbox agent does nothing.
 */
final class MailboxOwner {
    static final String CALENDAR_PROFILE = "CalendarProfile";

    private MailboxOwner() {
    }

    /** The address, or "" when it cannot be found. */
    static String find(Session session, Database db, String configured, AgentLog log) {
        if (!configured.isEmpty()) {
            return configured;
        }
        String owner = "";
        try (Handles h = new Handles()) {
            Document profile = h.hold(db.getProfileDocument(CALENDAR_PROFILE, null));
            owner = profile == null ? "" : profile.getItemValueString("Owner");
            owner = owner == null ? "" : owner.trim();
        } catch (NotesException e) {
            log.warn("could not read the calendar profile of " + path(db) + ": " + Notes.reason(e));
        }
        if (owner.isEmpty()) {
            return "";
        }
        String[] internet = Addresses.internet(owner);
        if (internet != null) {
            return internet[0];
        }
        return lookUp(session, owner);
    }

    private static String lookUp(Session session, String owner) {
        String formula = "@NameLookup([Exhaustive]; \"" + owner.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"; \"InternetAddress\")";
        try {
            for (Object value : session.evaluate(formula)) {
                String address = value == null ? "" : value.toString().trim();
                if (Addresses.internet(address) != null) {
                    return Addresses.internet(address)[0];
                }
            }
        } catch (NotesException e) {
            // no directory to ask (or no right to): the caller says what to configure
        }
        return "";
    }

    static String path(Database db) {
        try {
            return db.getFilePath();
        } catch (NotesException e) {
            return "(this mail file)";
        }
    }
}
