package lotus.domino;

/** Stand-in for lotus.domino.AgentContext: what Domino tells an agent about the run it is in. */
public interface AgentContext extends Base {
    Database getCurrentDatabase() throws NotesException;

    /** The document an agent was run on (e.g. the memo in QuerySend), or null. */
    Document getDocumentContext() throws NotesException;

    /** Documents this agent has not processed yet, per its trigger and document set. */
    DocumentCollection getUnprocessedDocuments() throws NotesException;

    /** Marks a document processed by this agent; it becomes unprocessed again when modified. */
    void updateProcessedDoc(Document doc) throws NotesException;

    Agent getCurrentAgent() throws NotesException;

    String getEffectiveUserName() throws NotesException;

    DateTime getLastRun() throws NotesException;
}
