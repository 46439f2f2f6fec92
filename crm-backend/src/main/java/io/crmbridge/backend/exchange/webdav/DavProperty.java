package io.crmbridge.backend.exchange.webdav;

import java.util.Objects;

/** A WebDAV property name: namespace URI and local name, e.g. {@code urn:schemas:contacts:} + {@code sn}. */
public record DavProperty(String namespace, String name) {

    public static final String DAV = "DAV:";
    public static final String CONTACTS = "urn:schemas:contacts:";
    public static final String HTTPMAIL = "urn:schemas:httpmail:";
    public static final String EXCHANGE = "http://schemas.microsoft.com/exchange/";

    public static final DavProperty GETETAG = new DavProperty(DAV, "getetag");
    public static final DavProperty GETLASTMODIFIED = new DavProperty(DAV, "getlastmodified");
    public static final DavProperty CONTENTCLASS = new DavProperty(DAV, "contentclass");
    public static final DavProperty OUTLOOKMESSAGECLASS = new DavProperty(EXCHANGE, "outlookmessageclass");
    public static final DavProperty SENDMSG = new DavProperty(HTTPMAIL, "sendmsg");

    public DavProperty {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    static DavProperty contacts(String name) {
        return new DavProperty(CONTACTS, name);
    }

    /** As Exchange writes it: namespace and local name run together, e.g. {@code urn:schemas:contacts:sn}. */
    @Override
    public String toString() {
        return namespace + name;
    }
}
