package lotus.domino;

import java.util.Vector;

/** Stand-in for lotus.domino.Item: one named, typed value of a document. */
public interface Item extends Base {
    int ERRORITEM = 256;
    int UNAVAILABLE = 512;
    int TEXT = 1280;
    int NUMBERS = 768;
    int DATETIMES = 1024;
    int NAMES = 1074;
    int READERS = 1075;
    int AUTHORS = 1076;
    int RICHTEXT = 1;
    int USERID = 1792;
    int FORMULA = 1536;
    int COLLATION = 2;
    int NOTEREFS = 4;
    int NOTELINKS = 7;
    int ATTACHMENT = 1084;
    int OTHEROBJECT = 1085;
    int UNKNOWN = 0;
    int ICON = 6;
    int SIGNATURE = 8;
    int USERDATA = 14;
    int EMBEDDEDOBJECT = 1090;
    int QUERYCD = 15;
    int ACTIONCD = 16;
    int ASSISTANTINFO = 17;
    int VIEWMAPDATA = 18;
    int VIEWMAPLAYOUT = 19;
    int LSOBJECT = 20;
    int HTML = 21;
    int MIME_PART = 25;
    int RFC822TEXT = 1282;

    String getName() throws NotesException;

    int getType() throws NotesException;

    String getText() throws NotesException;

    String getText(int maxlen) throws NotesException;

    String getValueString() throws NotesException;

    Vector getValues() throws NotesException;

    DateTime getDateTimeValue() throws NotesException;

    int getValueLength() throws NotesException;

    Document getParent() throws NotesException;
}
