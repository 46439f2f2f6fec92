package lotus.domino;

/** Stand-in for lotus.domino.Name: a Notes hierarchical name or an internet address. */
public interface Name extends Base {
    /** E.g. "CN=Jane Doe/OU=Sales/O=Acme". */
    String getCanonical() throws NotesException;

    /** E.g. "Jane Doe/Sales/Acme". */
    String getAbbreviated() throws NotesException;

    /** E.g. "Jane Doe". */
    String getCommon() throws NotesException;

    /** For an RFC 821 address, the address itself; "" otherwise. */
    String getAddr821() throws NotesException;

    String getAddr822Phrase() throws NotesException;

    boolean isHierarchical() throws NotesException;
}
