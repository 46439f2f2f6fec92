package lotus.domino;

import java.util.Vector;

/** Stand-in for lotus.domino.Document: a note with named items. */
public interface Document extends Base {
    String getUniversalID() throws NotesException;

    String getNoteID() throws NotesException;

    Database getParentDatabase() throws NotesException;

    boolean hasItem(String name) throws NotesException;

    Item getFirstItem(String name) throws NotesException;

    Vector getItems() throws NotesException;

    /** The item's values: String, Double or DateTime elements; an empty Vector when absent. */
    Vector getItemValue(String name) throws NotesException;

    /** The first value as text, or "" when absent. */
    String getItemValueString(String name) throws NotesException;

    int getItemValueInteger(String name) throws NotesException;

    double getItemValueDouble(String name) throws NotesException;

    Vector getItemValueDateTimeArray(String name) throws NotesException;

    Item replaceItemValue(String name, Object value) throws NotesException;

    Item appendItemValue(String name, Object value) throws NotesException;

    Item appendItemValue(String name) throws NotesException;

    void removeItem(String name) throws NotesException;

    RichTextItem createRichTextItem(String name) throws NotesException;

    /** The top MIME entity of the Body item, or null when the body is not MIME. */
    MIMEEntity getMIMEEntity() throws NotesException;

    MIMEEntity getMIMEEntity(String itemName) throws NotesException;

    MIMEEntity createMIMEEntity() throws NotesException;

    MIMEEntity createMIMEEntity(String itemName) throws NotesException;

    boolean closeMIMEEntities() throws NotesException;

    boolean closeMIMEEntities(boolean savechanges, String entityitemname) throws NotesException;

    boolean save() throws NotesException;

    boolean save(boolean force) throws NotesException;

    boolean save(boolean force, boolean makeresponse) throws NotesException;

    boolean save(boolean force, boolean makeresponse, boolean markread) throws NotesException;

    DateTime getCreated() throws NotesException;

    DateTime getLastModified() throws NotesException;

    int getSize() throws NotesException;

    boolean isValid() throws NotesException;

    boolean isDeleted() throws NotesException;

    boolean isNewNote() throws NotesException;

    boolean hasEmbedded() throws NotesException;

    Vector getFolderReferences() throws NotesException;

    void putInFolder(String name) throws NotesException;

    void removeFromFolder(String name) throws NotesException;
}
