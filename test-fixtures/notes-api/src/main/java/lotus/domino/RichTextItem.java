package lotus.domino;

import java.util.Vector;

/** Stand-in for lotus.domino.RichTextItem: a Notes rich-text body. */
public interface RichTextItem extends Item {
    /** The text without formatting. */
    String getUnformattedText() throws NotesException;

    String getFormattedText(boolean tabstrip, int lineLength, int maxLength) throws NotesException;

    /** Embedded objects and file attachments inside the rich text. */
    Vector getEmbeddedObjects() throws NotesException;

    void appendText(String text) throws NotesException;

    void addNewLine() throws NotesException;
}
