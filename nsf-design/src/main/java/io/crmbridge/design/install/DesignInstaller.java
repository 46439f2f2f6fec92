package io.crmbridge.design.install;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import lotus.domino.Agent;
import lotus.domino.Base;
import lotus.domino.Database;
import lotus.domino.DxlImporter;
import lotus.domino.Form;
import lotus.domino.NotesException;
import lotus.domino.Session;

/**
 * Imports the CRM Bridge design into databases with {@link DxlImporter} (replace else create, design only),
 * signs what it imported, reports it, and removes it again. Works on any session: the real one from
 * NotesFactory, or the in-memory Domino in tests.
 */
public final class DesignInstaller {

    private final Session session;
    private final PrintStream out;

    public DesignInstaller(Session session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    /** Imports {@code design} into each database; returns how many databases failed. */
    public int install(String server, List<String> databases, DesignDxl design, boolean sign) throws NotesException {
        String signer = session.getUserName();
        String dxl = sign ? design.signedBy(signer) : design.text();
        int failed = 0;
        for (String path : databases) {
            Database db = open(server, path);
            if (db == null) {
                failed++;
                continue;
            }
            try {
                if (!installInto(db, where(server, path), design, dxl, sign ? signer : "")) {
                    failed++;
                }
            } finally {
                recycle(db);
            }
        }
        return failed;
    }

    /** Removes the agents and form named in {@code design} from each database; returns how many failed. */
    public int remove(String server, List<String> databases, DesignDxl design) throws NotesException {
        int failed = 0;
        for (String path : databases) {
            Database db = open(server, path);
            if (db == null) {
                failed++;
                continue;
            }
            try {
                removeFrom(db, where(server, path), design);
            } catch (NotesException e) {
                error(where(server, path) + ": removing the CRM Bridge design failed: " + text(e));
                failed++;
            } finally {
                recycle(db);
            }
        }
        return failed;
    }

    private boolean installInto(Database db, String where, DesignDxl design, String dxl, String signer)
            throws NotesException {
        DxlImporter importer = session.createDxlImporter();
        try {
            importer.setDesignImportOption(DxlImporter.DXLIMPORTOPTION_REPLACE_ELSE_CREATE);
            // The DXL is not exported from a replica of each target: match design elements by name instead.
            importer.setReplicaRequiredForReplaceOrUpdate(false);
            importer.setAclImportOption(DxlImporter.DXLIMPORTOPTION_IGNORE);
            importer.setDocumentImportOption(DxlImporter.DXLIMPORTOPTION_IGNORE);
            importer.setReplaceDbProperties(false);
            importer.setExitOnFirstFatalError(true);
            try {
                importer.importDxl(dxl, db);
            } catch (NotesException e) {
                error(where + ": the DXL import failed: " + text(e) + log(importer));
                return false;
            }
            List<String> noteIds = importedNoteIds(importer);
            if (noteIds.size() != design.elements().size()) {
                error(where + ": imported " + noteIds.size() + " design notes, expected " + design.elements().size()
                        + log(importer));
                return false;
            }
            info(where + ": imported " + describe(design.elements()) + " (note IDs " + String.join(", ", noteIds) + ")");
            boolean signed = signer.isEmpty() || sign(db, where, noteIds, signer);
            boolean present = checkAgents(db, where, design);
            explainInheritance(db, where);
            return signed && present;
        } finally {
            recycle(importer);
        }
    }

    private List<String> importedNoteIds(DxlImporter importer) throws NotesException {
        List<String> ids = new ArrayList<>();
        for (String id = importer.getFirstImportedNoteID(); id != null && !id.isEmpty();
                id = importer.getNextImportedNoteID(id)) {
            ids.add(id);
        }
        return ids;
    }

    private boolean sign(Database db, String where, List<String> noteIds, String signer) {
        for (String noteId : noteIds) {
            try {
                db.sign(Database.DBSIGN_DOC_ALL, false, noteId, true);
            } catch (NotesException e) {
                error(where + ": could not sign design note " + noteId + " as " + signer + ": " + text(e)
                        + "; sign the database's agents with the Domino Administrator (Files > Sign)");
                return false;
            }
        }
        info(where + ": signed " + noteIds.size() + " design notes as " + signer);
        return true;
    }

    private boolean checkAgents(Database db, String where, DesignDxl design) throws NotesException {
        boolean all = true;
        for (DesignElement element : design.elements()) {
            if (element.kind() == DesignElement.Kind.AGENT) {
                Agent agent = findAgent(db, element);
                if (agent == null) {
                    error(where + ": " + element + " is not in the database after the import");
                    all = false;
                } else {
                    recycle(agent);
                }
            }
        }
        return all;
    }

    private void explainInheritance(Database db, String where) throws NotesException {
        String template = db.getTemplateName();
        String inherits = db.getDesignTemplateName();
        if (!template.isEmpty()) {
            info(where + " is the master template '" + template + "': databases inheriting from it get the agents"
                    + " at the next design refresh (the nightly design task, or 'load design' on the server console)");
        } else if (!inherits.isEmpty()) {
            info(where + " inherits its design from '" + inherits + "': design refresh keeps these agents as long as"
                    + " that template holds no design elements of the same names");
        }
    }

    private void removeFrom(Database db, String where, DesignDxl design) throws NotesException {
        List<String> removed = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (DesignElement element : design.elements()) {
            boolean found = element.kind() == DesignElement.Kind.AGENT ? removeAgent(db, element) : removeForm(db, element);
            (found ? removed : absent).add(element.toString());
        }
        info(where + ": removed " + (removed.isEmpty() ? "nothing" : String.join(", ", removed))
                + (absent.isEmpty() ? "" : "; not present: " + String.join(", ", absent)));
    }

    private boolean removeAgent(Database db, DesignElement element) throws NotesException {
        Agent agent = findAgent(db, element);
        if (agent == null) {
            return false;
        }
        agent.remove();
        return true;
    }

    private boolean removeForm(Database db, DesignElement element) throws NotesException {
        Form form = db.getForm(element.alias().isEmpty() ? element.name() : element.alias());
        if (form == null) {
            form = db.getForm(element.name());
        }
        if (form == null) {
            return false;
        }
        form.remove();
        return true;
    }

    private Agent findAgent(Database db, DesignElement element) throws NotesException {
        Agent agent = element.alias().isEmpty() ? null : db.getAgent(element.alias());
        return agent != null ? agent : db.getAgent(element.name());
    }

    private Database open(String server, String path) {
        try {
            Database db = session.getDatabase(server, path, false);
            if (db != null && db.isOpen()) {
                return db;
            }
            error(where(server, path) + ": cannot open the database (does it exist, and may this ID open it?)");
            recycle(db);
        } catch (NotesException e) {
            error(where(server, path) + ": cannot open the database: " + text(e));
        }
        return null;
    }

    private static String where(String server, String path) {
        return server.isEmpty() ? path : server + "!!" + path;
    }

    private static String describe(List<DesignElement> elements) {
        StringBuilder text = new StringBuilder();
        for (DesignElement element : elements) {
            text.append(text.length() == 0 ? "" : ", ").append(element);
        }
        return text.toString();
    }

    private static String log(DxlImporter importer) {
        try {
            String log = importer.getLog();
            return log == null || log.isEmpty() ? "" : "\n  importer log: " + log;
        } catch (NotesException e) {
            return "";
        }
    }

    private static String text(NotesException e) {
        String text = e.text != null ? e.text : e.getMessage();
        return (text == null ? e.getClass().getSimpleName() : text) + (e.id != 0 ? " (" + e.id + ")" : "");
    }

    private static void recycle(Base object) {
        if (object == null) {
            return;
        }
        try {
            object.recycle();
        } catch (NotesException e) {
            // Nothing is left to do with an object that cannot be recycled.
        }
    }

    private void info(String message) {
        out.println("CRM Bridge INFO " + message);
    }

    private void error(String message) {
        out.println("CRM Bridge ERROR " + message);
    }
}
