package lotus.domino;

/** Stand-in for lotus.domino.MIMEEntity: one part of a MIME body, navigated as a tree. */
public interface MIMEEntity extends Base {
    int SEARCH_DEPTH = 1723;
    int SEARCH_BREADTH = 1724;
    int ENC_NONE = 1725;
    int ENC_QUOTED_PRINTABLE = 1726;
    int ENC_BASE64 = 1727;
    int ENC_IDENTITY_7BIT = 1728;
    int ENC_IDENTITY_8BIT = 1729;
    int ENC_IDENTITY_BINARY = 1730;
    int ENC_EXTENSION = 1731;

    /** The major type, e.g. "text" or "multipart". */
    String getContentType() throws NotesException;

    /** The subtype, e.g. "plain", "html", "mixed". */
    String getContentSubType() throws NotesException;

    String getCharset() throws NotesException;

    int getEncoding() throws NotesException;

    /** The content as text, still in its transfer encoding unless decodeContent() was called. */
    String getContentAsText() throws NotesException;

    void decodeContent() throws NotesException;

    /** All headers of this part as one string. */
    String getHeaders() throws NotesException;

    MIMEEntity getFirstChildEntity() throws NotesException;

    MIMEEntity getNextSibling() throws NotesException;

    MIMEEntity getPrevSibling() throws NotesException;

    MIMEEntity getParentEntity() throws NotesException;

    MIMEEntity getNextEntity() throws NotesException;

    MIMEEntity getNextEntity(int search) throws NotesException;
}
