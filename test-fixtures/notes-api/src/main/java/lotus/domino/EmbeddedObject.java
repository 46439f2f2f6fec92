package lotus.domino;

/** Stand-in for lotus.domino.EmbeddedObject: a file attachment or OLE object inside rich text. */
public interface EmbeddedObject extends Base {
    int EMBED_OBJECTLINK = 1452;
    int EMBED_OBJECT = 1453;
    int EMBED_ATTACHMENT = 1454;

    /** The attachment's file name (for EMBED_ATTACHMENT), or the object's name. */
    String getName() throws NotesException;

    /** The original file name of an attachment. */
    String getSource() throws NotesException;

    /** The attachment's size in bytes. */
    int getFileSize() throws NotesException;

    /** EMBED_ATTACHMENT, EMBED_OBJECT or EMBED_OBJECTLINK. */
    int getType() throws NotesException;

    String getClassName() throws NotesException;

    RichTextItem getParent() throws NotesException;

    void extractFile(String path) throws NotesException;
}
