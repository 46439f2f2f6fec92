package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.webdav.ItemNameTemplate;
import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads contact sync settings from flat keys, as a properties file holds them. {@code <id>} is a server
 * id from {@code exchange.servers}, {@code <alias>} a mailbox from {@code exchange.contacts.mailboxes}:
 *
 * <pre>
 * exchange.servers                              server ids, comma-separated (default: main)
 * exchange.server.&lt;id&gt;.url                      e.g. https://mail.example.com (required)
 * exchange.server.&lt;id&gt;.user / .password         the service account (DOMAIN&#92;user for Basic)
 * exchange.server.&lt;id&gt;.auth                     basic (default) or ntlm
 * exchange.server.&lt;id&gt;.ntlm-domain              Windows domain for NTLM
 * exchange.server.&lt;id&gt;.max-connections          parallel requests to the server (default 8)
 * exchange.server.&lt;id&gt;.connect-timeout-seconds  default 10
 * exchange.server.&lt;id&gt;.response-timeout-seconds default 60
 * exchange.server.&lt;id&gt;.truststore               PKCS12/JKS file of a private CA (default: the JVM's CAs)
 * exchange.server.&lt;id&gt;.truststore-password / .truststore-type (PKCS12 default, or JKS)
 * exchange.contacts.mailboxes                   aliases that receive contacts; empty: contact sync is off
 * exchange.contacts.targets                     all (every contact to every mailbox, default) or owner (each
 *                                               contact to the mailbox its record's owner names)
 * exchange.contacts.folder                      the contacts folder's name (default Contacts)
 * exchange.contacts.mailbox.&lt;alias&gt;.folder      a mailbox's own (localized) folder name
 * exchange.contacts.mailbox.&lt;alias&gt;.server      its server (default: the first of exchange.servers)
 * exchange.contacts.item-name                   default Customer-{id}.EML
 * exchange.contacts.conflict-policy             crm-wins (default) or report
 * exchange.contacts.retry.base-seconds / .max-seconds / .max-attempts   default 5 / 900 / 10
 * exchange.contacts.poll-millis                 how often idle workers look for due work (default 1000)
 * </pre>
 */
public final class ContactSyncConfig {

    private final Function<String, String> lookup;

    private ContactSyncConfig(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /**
     * The settings, or empty when no mailbox is configured. {@code lookup} answers a key's value, ""
     * (or null) when it is not set. A bad value is an {@link IllegalArgumentException} naming the key.
     */
    public static Optional<ContactSyncSettings> read(Function<String, String> lookup) {
        return new ContactSyncConfig(lookup).settings();
    }

    private Optional<ContactSyncSettings> settings() {
        List<String> aliases = list("exchange.contacts.mailboxes");
        if (aliases.isEmpty()) {
            return Optional.empty();
        }
        List<String> serverIds = list("exchange.servers");
        if (serverIds.isEmpty()) {
            serverIds = List.of("main");
        }
        ItemNameTemplate itemNames = new ItemNameTemplate(text("exchange.contacts.item-name", "Customer-{id}.EML"));
        Map<String, WebDavSettings> servers = new LinkedHashMap<>();
        for (String id : serverIds) {
            servers.put(id, server(id, itemNames));
        }
        String defaultFolder = text("exchange.contacts.folder", "Contacts");
        List<MailboxTarget> mailboxes = new ArrayList<>();
        for (String alias : aliases) {
            String prefix = "exchange.contacts.mailbox." + alias + ".";
            String server = text(prefix + "server", serverIds.get(0));
            if (!servers.containsKey(server)) {
                throw new IllegalArgumentException(prefix + "server names " + server + ", which is not in exchange.servers");
            }
            mailboxes.add(new MailboxTarget(server, alias, text(prefix + "folder", defaultFolder)));
        }
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(number("exchange.contacts.retry.base-seconds", 5, 1, 3600)),
                Duration.ofSeconds(number("exchange.contacts.retry.max-seconds", 900, 1, 86_400)),
                number("exchange.contacts.retry.max-attempts", 10, 1, 1000));
        return Optional.of(new ContactSyncSettings(servers, choice("exchange.contacts.targets", TargetMode.ALL),
                mailboxes, choice("exchange.contacts.conflict-policy", ConflictPolicy.CRM_WINS), retry,
                Duration.ofMillis(number("exchange.contacts.poll-millis", 1000, 10, 600_000)), Duration.ofMinutes(5)));
    }

    private WebDavSettings server(String id, ItemNameTemplate itemNames) {
        String prefix = "exchange.server." + id + ".";
        String url = text(prefix + "url", "");
        if (url.isEmpty()) {
            throw new IllegalArgumentException(prefix + "url is required");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + "url is not a URL: " + url, e);
        }
        WebDavSettings settings = WebDavSettings.of(uri, text(prefix + "user", ""), text(prefix + "password", ""))
                .withItemNames(itemNames)
                .withMaxConnections(number(prefix + "max-connections", 8, 1, 64))
                .withTimeouts(Duration.ofSeconds(number(prefix + "connect-timeout-seconds", 10, 1, 600)),
                        Duration.ofSeconds(number(prefix + "response-timeout-seconds", 60, 1, 3600)));
        String auth = text(prefix + "auth", "basic").toLowerCase(Locale.ROOT);
        if (auth.equals("ntlm")) {
            settings = settings.withNtlm(text(prefix + "ntlm-domain", ""));
        } else if (!auth.equals("basic")) {
            throw new IllegalArgumentException(prefix + "auth must be basic or ntlm, not " + auth);
        }
        String trustStore = text(prefix + "truststore", "");
        if (!trustStore.isEmpty()) {
            settings = settings.withTrustStore(new WebDavSettings.TrustStore(Path.of(trustStore),
                    text(prefix + "truststore-type", "PKCS12"), text(prefix + "truststore-password", "")));
        }
        return settings;
    }

    private String text(String key, String defaultValue) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private List<String> list(String key) {
        return Arrays.stream(text(key, "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private int number(String key, int defaultValue, int min, int max) {
        String value = text(key, Integer.toString(defaultValue));
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }

    /** An enum value written in lower case with dashes, e.g. crm-wins for CRM_WINS. */
    private <E extends Enum<E>> E choice(String key, E defaultValue) {
        String value = text(key, defaultValue.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        for (E constant : defaultValue.getDeclaringClass().getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return constant;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + Arrays.stream(defaultValue.getDeclaringClass()
                .getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()
                + ", not " + value);
    }
}
