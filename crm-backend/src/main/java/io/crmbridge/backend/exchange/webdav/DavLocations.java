package io.crmbridge.backend.exchange.webdav;

import io.crmbridge.backend.exchange.ContactFolder;
import java.net.URI;
import java.util.Objects;

/**
 * Builds Exchange WebDAV URLs: {@code <server>/exchange/<alias>/<folder…>/<item name>}, every segment
 * percent-encoded UTF-8 (Outlook localizes folder names, so {@code Kontakte}, {@code Контакты}).
 */
final class DavLocations {

    private final String server;
    private final ItemNameTemplate itemNames;

    DavLocations(URI server, ItemNameTemplate itemNames) {
        String text = server.toString();
        this.server = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.itemNames = Objects.requireNonNull(itemNames, "itemNames");
    }

    URI mailbox(String alias) {
        return URI.create(server + "/exchange/" + PathSegment.encode(alias) + "/");
    }

    URI folder(ContactFolder folder) {
        StringBuilder url = new StringBuilder(mailbox(folder.mailbox()).toString());
        for (String segment : folder.folder().split("/")) {
            if (!segment.isEmpty()) {
                url.append(PathSegment.encode(segment)).append('/');
            }
        }
        return URI.create(url.toString());
    }

    URI contact(ContactFolder folder, String crmId) {
        return URI.create(folder(folder) + PathSegment.encode(itemNames.itemName(crmId)));
    }
}
