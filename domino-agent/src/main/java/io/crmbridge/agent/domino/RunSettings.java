package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.settings.AgentSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Vector;
import lotus.domino.Database;
import lotus.domino.Document;
import lotus.domino.NotesException;
import lotus.domino.Session;

/** Reads {@link AgentSettings} from the server's notes.ini and the mail file's CRM Bridge profile document. */
final class RunSettings {
    private RunSettings() {
    }

    static AgentSettings read(Session session, Database db, AgentLog log) throws NotesException {
        Map<String, String> ini = new HashMap<String, String>();
        for (String name : AgentSettings.iniNames()) {
            String value = session.getEnvironmentString(name, true);
            ini.put(name, value == null ? "" : value);
        }
        Map<String, String> profile = new HashMap<String, String>();
        try (Handles h = new Handles()) {
            Document doc = h.hold(db.getProfileDocument(AgentSettings.PROFILE, null));
            if (doc != null) {
                for (String name : AgentSettings.profileNames()) {
                    profile.put(name, firstValue(doc, name, h));
                }
            }
        }
        return AgentSettings.from(ini, profile, log);
    }

    /** A text or number field's first value as text ("" when absent): the settings form may store either. */
    private static String firstValue(Document doc, String item, Handles h) throws NotesException {
        Vector<?> values = doc.getItemValue(item);
        if (values == null || values.isEmpty()) {
            return "";
        }
        h.holdAll(values);
        Object first = values.get(0);
        if (first instanceof Double) {
            double d = (Double) first;
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return first instanceof String ? (String) first : "";
    }
}
