package io.crmbridge.backend.exchange.webdav;

import io.crmbridge.backend.exchange.ContactFolder;
import io.crmbridge.backend.exchange.DeleteOutcome;
import io.crmbridge.backend.exchange.ExchangeContact;
import io.crmbridge.backend.exchange.ExchangeException;
import io.crmbridge.backend.exchange.ExchangeGateway;
import io.crmbridge.backend.exchange.RemoteContact;
import io.crmbridge.backend.exchange.UpsertOutcome;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Exchange 2003/2007 WebDAV adapter: a contact is one item, {@code Customer-<crm id>.EML} by
 * default, written with a single PROPPATCH (create and update alike), read with PROPFIND, removed
 * with DELETE. Thread-safe; close it to release its connections.
 */
public final class WebDavContactGateway implements ExchangeGateway, AutoCloseable {

    private static final Map<String, String> DEPTH_0 = Map.of("Depth", "0");

    private final WebDavClient client;
    private final DavLocations locations;

    public WebDavContactGateway(WebDavSettings settings) {
        this.client = new WebDavClient(settings);
        this.locations = new DavLocations(settings.server(), settings.itemNames());
    }

    @Override
    public UpsertOutcome upsertContact(ContactFolder folder, ExchangeContact contact) {
        URI item = locations.contact(folder, contact.crmId());
        String what = "PROPPATCH " + folder + " " + contact.crmId();
        Map<DavProperty, String> properties = new LinkedHashMap<>();
        // Harmless on update, and what makes a new item a contact rather than a message.
        properties.put(DavProperty.CONTENTCLASS, "urn:content-classes:person");
        properties.put(DavProperty.OUTLOOKMESSAGECLASS, "IPM.Contact");
        properties.putAll(ContactProperties.toProperties(contact.fields()));
        DavAnswer answer = client.send("PROPPATCH", item, DavXmlBodies.propertyUpdate(properties), Map.of());
        DavResponse response = onlyResponse(answer, what);
        Map<DavProperty, Integer> failed = new LinkedHashMap<>();
        response.statuses().forEach((property, status) -> {
            if (status != 200) {
                failed.put(property, status);
            }
        });
        if (!failed.isEmpty()) {
            throw DavFailures.rejected(failed, what);
        }
        return response.status() == 201 ? UpsertOutcome.CREATED : UpsertOutcome.UPDATED;
    }

    @Override
    public DeleteOutcome deleteContact(ContactFolder folder, String crmId) {
        DavAnswer answer = client.send("DELETE", locations.contact(folder, crmId), new byte[0], Map.of());
        if (answer.status() == 404) {
            return DeleteOutcome.ALREADY_GONE;
        }
        if (answer.status() / 100 != 2) {
            throw DavFailures.status(answer, "DELETE " + folder + " " + crmId);
        }
        return DeleteOutcome.DELETED;
    }

    @Override
    public Optional<RemoteContact> readContact(ContactFolder folder, String crmId) {
        List<DavProperty> wanted = new ArrayList<>(ContactProperties.ALL);
        wanted.add(DavProperty.GETETAG);
        wanted.add(DavProperty.GETLASTMODIFIED);
        DavAnswer answer = client.send("PROPFIND", locations.contact(folder, crmId), DavXmlBodies.propfind(wanted),
                DEPTH_0);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        DavResponse response = onlyResponse(answer, "PROPFIND " + folder + " " + crmId);
        Map<DavProperty, String> values = response.values();
        return Optional.of(new RemoteContact(ContactProperties.fromProperties(values),
                values.getOrDefault(DavProperty.GETETAG, ""), instant(values.get(DavProperty.GETLASTMODIFIED))));
    }

    /** The mailbox's submission URL ({@code ##DavMailSubmissionURI##}): moving a message there sends it. */
    public URI submissionUri(String mailbox) {
        String what = "PROPFIND sendmsg " + mailbox;
        DavAnswer answer = client.send("PROPFIND", locations.mailbox(mailbox),
                DavXmlBodies.propfind(List.of(DavProperty.SENDMSG)), DEPTH_0);
        String url = onlyResponse(answer, what).values().getOrDefault(DavProperty.SENDMSG, "");
        if (url.isBlank()) {
            throw new ExchangeException(ExchangeException.Code.PROTOCOL, answer.status(), what + ": no submission URL");
        }
        return URI.create(url.strip());
    }

    /** Moves an item to another URL (a folder's item or the submission URL), replacing what is there. */
    public void move(URI from, URI to) {
        DavAnswer answer = client.send("MOVE", from, new byte[0], Map.of("Destination", to.toString(),
                "Overwrite", "T"));
        if (answer.status() / 100 != 2) {
            throw DavFailures.status(answer, "MOVE " + from);
        }
    }

    private static DavResponse onlyResponse(DavAnswer answer, String what) {
        if (answer.status() != 207) {
            throw DavFailures.status(answer, what);
        }
        try {
            List<DavResponse> responses = MultiStatusReader.read(answer.body());
            if (responses.isEmpty()) {
                throw new IllegalArgumentException("Multi-Status without a response");
            }
            return responses.get(0);
        } catch (IllegalArgumentException e) {
            throw DavFailures.unreadable(what, e);
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
