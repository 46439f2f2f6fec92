package io.crmbridge.agent.core.settings;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.submit.SubmitterSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an agent run needs to know, from two places: the notes.ini where the agent runs (endpoint and
 * credentials: the server's, which only administrators can read; for tag on send, the Notes client's)
 * and the mail database's profile document {@value #PROFILE} (non-secret, per mailbox). Every value has a default; a bad value is logged and
 * replaced by its default. Only a missing or unusable URL stops a run ({@link #problem()}).
 */
public final class AgentSettings {
    /** notes.ini: the mail service URL, e.g. {@code https://crm.example.com/services/mail}. */
    public static final String INI_URL = "CRMBRIDGE_URL";
    public static final String INI_USER = "CRMBRIDGE_USER";
    public static final String INI_PASSWORD = "CRMBRIDGE_PASSWORD";
    /** notes.ini, optional: "1" adds a WS-Security UsernameToken to every request. */
    public static final String INI_WS_SECURITY = "CRMBRIDGE_WSSECURITY";
    /** notes.ini, optional: "0" sends requests uncompressed. */
    public static final String INI_GZIP = "CRMBRIDGE_GZIP";

    /** The profile document (form name) holding the per-database settings. */
    public static final String PROFILE = "CRMBridgeSettings";
    /** Profile item: "1"/"0" (also yes/no, true/false, on/off); default on. */
    public static final String ENABLED = "Enabled";
    /** Profile item: messages per SOAP request, 1 to 1000; default 50. */
    public static final String BATCH_SIZE = "BatchSize";
    /** Profile item: plain-text body limit in KB (1024 characters), 1 to 10240; default 64. */
    public static final String BODY_LIMIT_KB = "BodyLimitKB";
    /** Profile item: seconds after which a run takes no new documents, 10 to 86400; default 300. */
    public static final String TIME_BUDGET_SECONDS = "TimeBudgetSeconds";
    /** Profile item: seconds to wait for a connection, 1 to 300; default 10. */
    public static final String CONNECT_TIMEOUT_SECONDS = "ConnectTimeoutSeconds";
    /** Profile item: seconds to wait for an answer, 1 to 3600; default 60. */
    public static final String READ_TIMEOUT_SECONDS = "ReadTimeoutSeconds";
    /** Profile item: the mailbox owner's internet address; default: found from the mail file (see MailboxOwner). */
    public static final String MAILBOX_ADDRESS = "MailboxAddress";
    /** Profile item: "0" stops tagging outgoing mail (tag on send and the Sent copy); default on. */
    public static final String TAG_OUTGOING = "TagOutgoing";
    /** Profile item: milliseconds a tag may take, connecting included, 100 to 30000; default 3000. */
    public static final String TAG_TIMEOUT_MILLIS = "TagTimeoutMillis";

    public static final int DEFAULT_BATCH_SIZE = SubmitterSettings.DEFAULT_BATCH_SIZE;
    public static final int DEFAULT_BODY_LIMIT_KB = 64;
    public static final int DEFAULT_TIME_BUDGET_SECONDS = 300;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_TAG_TIMEOUT_MILLIS = 3000;

    private final String endpoint;
    private final String user;
    private final char[] password;
    private final boolean wsSecurity;
    private final boolean gzip;
    private final boolean enabled;
    private final int batchSize;
    private final int bodyLimitKb;
    private final int timeBudgetSeconds;
    private final int connectTimeoutSeconds;
    private final int readTimeoutSeconds;
    private final String mailboxAddress;
    private final boolean tagOutgoing;
    private final int tagTimeoutMillis;
    private final String problem;

    private AgentSettings(Reader ini, Reader profile) {
        this.endpoint = ini.text(INI_URL);
        this.user = ini.text(INI_USER);
        this.password = ini.raw(INI_PASSWORD).toCharArray();
        this.wsSecurity = ini.flag(INI_WS_SECURITY, false);
        this.gzip = ini.flag(INI_GZIP, true);
        this.enabled = profile.flag(ENABLED, true);
        this.batchSize = profile.number(BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, 1000);
        this.bodyLimitKb = profile.number(BODY_LIMIT_KB, DEFAULT_BODY_LIMIT_KB, 1, 10240);
        this.timeBudgetSeconds = profile.number(TIME_BUDGET_SECONDS, DEFAULT_TIME_BUDGET_SECONDS, 10, 86400);
        this.connectTimeoutSeconds = profile.number(CONNECT_TIMEOUT_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS, 1, 300);
        this.readTimeoutSeconds = profile.number(READ_TIMEOUT_SECONDS, DEFAULT_READ_TIMEOUT_SECONDS, 1, 3600);
        this.mailboxAddress = profile.text(MAILBOX_ADDRESS);
        this.tagOutgoing = profile.flag(TAG_OUTGOING, true);
        this.tagTimeoutMillis = profile.number(TAG_TIMEOUT_MILLIS, DEFAULT_TAG_TIMEOUT_MILLIS, 100, 30000);
        this.problem = check();
    }

    /**
     * Reads the settings; a bad number or flag is logged as a warning and replaced by its default.
     *
     * @param notesIni the notes.ini values by name ({@link #iniNames()}); absent ones may be missing or ""
     * @param profile the profile document's item values by name ({@link #profileNames()})
     */
    public static AgentSettings from(Map<String, String> notesIni, Map<String, String> profile, AgentLog log) {
        return new AgentSettings(new Reader(notesIni, "notes.ini", log), new Reader(profile, PROFILE, log));
    }

    /** The notes.ini variables the agent reads. */
    public static List<String> iniNames() {
        return Collections.unmodifiableList(Arrays.asList(INI_URL, INI_USER, INI_PASSWORD, INI_WS_SECURITY, INI_GZIP));
    }

    /** The profile document items the agent reads. */
    public static List<String> profileNames() {
        return Collections.unmodifiableList(Arrays.asList(ENABLED, BATCH_SIZE, BODY_LIMIT_KB, TIME_BUDGET_SECONDS,
                CONNECT_TIMEOUT_SECONDS, READ_TIMEOUT_SECONDS, MAILBOX_ADDRESS, TAG_OUTGOING, TAG_TIMEOUT_MILLIS));
    }

    private String check() {
        if (endpoint.isEmpty()) {
            return INI_URL + " is not set in notes.ini";
        }
        try {
            SoapClientSettings.builder(endpoint);
        } catch (IllegalArgumentException e) {
            return INI_URL + " in notes.ini is unusable: " + e.getMessage();
        }
        return "";
    }

    /** Why a run cannot talk to the service (no or a bad URL), or empty when it can. */
    public Optional<String> problem() {
        return problem.isEmpty() ? Optional.<String>empty() : Optional.of(problem);
    }

    public String endpoint() {
        return endpoint;
    }

    public String user() {
        return user;
    }

    /** A copy of the password; the caller may wipe it. */
    public char[] password() {
        return password.clone();
    }

    public boolean wsSecurity() {
        return wsSecurity;
    }

    public boolean gzip() {
        return gzip;
    }

    public boolean enabled() {
        return enabled;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The body limit in characters. */
    public int bodyLimitChars() {
        return bodyLimitKb * 1024;
    }

    public Duration timeBudget() {
        return Duration.ofSeconds(timeBudgetSeconds);
    }

    public int connectTimeoutMillis() {
        return connectTimeoutSeconds * 1000;
    }

    public int readTimeoutMillis() {
        return readTimeoutSeconds * 1000;
    }

    /** The configured mailbox address, or "" when the agent should find it itself. */
    public String mailboxAddress() {
        return mailboxAddress;
    }

    /** Whether outgoing mail gets its record's tag (tag on send, and the Sent copy of linked mail). */
    public boolean tagOutgoing() {
        return tagOutgoing;
    }

    /** The most a tag may take, connecting included. */
    public int tagTimeoutMillis() {
        return tagTimeoutMillis;
    }

    /**
     * The SOAP client's settings for asking tags: the whole call is held to {@link #tagTimeoutMillis()}
     * (a user waits for it while sending), connecting within it too.
     *
     * @throws IllegalStateException when {@link #problem()} is present
     */
    public SoapClientSettings taggingClientSettings() {
        if (!problem.isEmpty()) {
            throw new IllegalStateException(problem);
        }
        return SoapClientSettings.builder(endpoint)
                .credentials(user, password)
                .wsSecurity(wsSecurity)
                .gzipRequests(gzip)
                .connectTimeoutMillis(Math.min(connectTimeoutMillis(), tagTimeoutMillis))
                .readTimeoutMillis(tagTimeoutMillis)
                .callTimeoutMillis(tagTimeoutMillis)
                .build();
    }

    /**
     * The SOAP client's settings.
     *
     * @throws IllegalStateException when {@link #problem()} is present
     */
    public SoapClientSettings soapClientSettings() {
        if (!problem.isEmpty()) {
            throw new IllegalStateException(problem);
        }
        return SoapClientSettings.builder(endpoint)
                .credentials(user, password)
                .wsSecurity(wsSecurity)
                .gzipRequests(gzip)
                .connectTimeoutMillis(connectTimeoutMillis())
                .readTimeoutMillis(readTimeoutMillis())
                .build();
    }

    public SubmitterSettings submitterSettings() {
        return SubmitterSettings.defaults().withBatchSize(batchSize);
    }

    @Override
    public String toString() {
        return "AgentSettings[url=" + (endpoint.isEmpty() ? "(none)" : endpoint) + ", user=" + (user.isEmpty() ? "(none)" : user)
                + ", password=" + (password.length == 0 ? "(none)" : "***") + ", wsSecurity=" + wsSecurity + ", gzip=" + gzip
                + ", enabled=" + enabled + ", batchSize=" + batchSize + ", bodyLimit=" + bodyLimitKb + "KB, timeBudget="
                + timeBudgetSeconds + "s, connectTimeout=" + connectTimeoutSeconds + "s, readTimeout=" + readTimeoutSeconds
                + "s, mailbox=" + (mailboxAddress.isEmpty() ? "(from the mail file)" : mailboxAddress)
                + ", tagOutgoing=" + tagOutgoing + ", tagTimeout=" + tagTimeoutMillis + "ms]";
    }

    /** Typed reads of one source, with defaults and a warning for what does not parse. */
    private static final class Reader {
        private final Map<String, String> values;
        private final String source;
        private final AgentLog log;

        Reader(Map<String, String> values, String source, AgentLog log) {
            this.values = values == null ? Collections.<String, String>emptyMap() : values;
            this.source = source;
            this.log = log;
        }

        String raw(String name) {
            String v = values.get(name);
            return v == null ? "" : v;
        }

        String text(String name) {
            return raw(name).trim();
        }

        boolean flag(String name, boolean fallback) {
            String v = text(name).toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                return fallback;
            }
            if (v.equals("1") || v.equals("yes") || v.equals("true") || v.equals("on")) {
                return true;
            }
            if (v.equals("0") || v.equals("no") || v.equals("false") || v.equals("off")) {
                return false;
            }
            log.warn("setting " + name + " in " + source + " is '" + text(name) + "', not 1/0, yes/no, true/false or on/off; using "
                    + (fallback ? "1" : "0"));
            return fallback;
        }

        int number(String name, int fallback, int min, int max) {
            String v = text(name);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                // Profile fields are Notes numbers: "50" or "50.0" both mean 50.
                double d = Double.parseDouble(v);
                if (d == Math.rint(d) && d >= min && d <= max) {
                    return (int) d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            log.warn("setting " + name + " in " + source + " is '" + v + "', not a whole number from " + min + " to " + max
                    + "; using " + fallback);
            return fallback;
        }
    }
}
