package io.crmbridge.agent.core.soap;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Arrays;

/**
 * Where and how {@link SoapMailClient} calls the CRM Bridge mail service: endpoint, credentials,
 * timeouts and compression. Immutable; built with {@link #builder(String)}. The password never
 * appears in {@link #toString()}.
 */
public final class SoapClientSettings {
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10000;
    public static final int DEFAULT_READ_TIMEOUT_MILLIS = 60000;
    /** Requests larger than this are gzip-compressed when compression is on. */
    public static final int DEFAULT_GZIP_THRESHOLD_BYTES = 8 * 1024;

    private final URL endpoint;
    private final String user;
    private final char[] password;
    private final boolean wsSecurity;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final int callTimeoutMillis;
    private final boolean gzipRequests;
    private final int gzipThresholdBytes;

    private SoapClientSettings(Builder b) {
        this.endpoint = b.endpoint;
        this.user = b.user;
        this.password = b.password.clone();
        this.wsSecurity = b.wsSecurity;
        this.connectTimeoutMillis = b.connectTimeoutMillis;
        this.readTimeoutMillis = b.readTimeoutMillis;
        this.callTimeoutMillis = b.callTimeoutMillis;
        this.gzipRequests = b.gzipRequests;
        this.gzipThresholdBytes = b.gzipThresholdBytes;
    }

    /**
     * @param endpoint the service URL, e.g. {@code https://crm.example.com/services/mail}
     * @throws IllegalArgumentException when it is not an http or https URL
     */
    public static Builder builder(String endpoint) {
        return new Builder(endpoint);
    }

    public URL endpoint() {
        return endpoint;
    }

    /** The user name for HTTP Basic (and the UsernameToken), or "" to send no credentials. */
    public String user() {
        return user;
    }

    /** A copy of the password; the caller may wipe it. */
    public char[] password() {
        return password.clone();
    }

    /** Whether a WS-Security UsernameToken (PasswordText) goes in the SOAP header besides HTTP Basic. */
    public boolean wsSecurity() {
        return wsSecurity;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    /**
     * The most a whole call may take, from connecting to the last byte of the answer, or 0 for no such
     * limit (the connect and read timeouts alone: a server that answers slowly, byte by byte, can then
     * take longer than both together).
     */
    public int callTimeoutMillis() {
        return callTimeoutMillis;
    }

    /** Whether requests above {@link #gzipThresholdBytes()} are sent with {@code Content-Encoding: gzip}. */
    public boolean gzipRequests() {
        return gzipRequests;
    }

    public int gzipThresholdBytes() {
        return gzipThresholdBytes;
    }

    @Override
    public String toString() {
        return "SoapClientSettings[" + endpoint + ", user=" + (user.isEmpty() ? "(none)" : user)
                + ", password=" + (password.length == 0 ? "(none)" : "***") + ", wsSecurity=" + wsSecurity
                + ", connectTimeout=" + connectTimeoutMillis + "ms, readTimeout=" + readTimeoutMillis
                + "ms" + (callTimeoutMillis == 0 ? "" : ", callTimeout=" + callTimeoutMillis + "ms")
                + ", gzipRequests=" + gzipRequests + " above " + gzipThresholdBytes + " bytes]";
    }

    /** Collects the settings; every value but the endpoint has a default. */
    public static final class Builder {
        private final URL endpoint;
        private String user = "";
        private char[] password = new char[0];
        private boolean wsSecurity;
        private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private int readTimeoutMillis = DEFAULT_READ_TIMEOUT_MILLIS;
        private int callTimeoutMillis;
        private boolean gzipRequests = true;
        private int gzipThresholdBytes = DEFAULT_GZIP_THRESHOLD_BYTES;

        private Builder(String endpoint) {
            this.endpoint = httpUrl(endpoint);
        }

        /** User and password for HTTP Basic; the password array is copied. */
        public Builder credentials(String user, char[] password) {
            this.user = user == null ? "" : user.trim();
            this.password = password == null ? new char[0] : password.clone();
            return this;
        }

        public Builder wsSecurity(boolean on) {
            this.wsSecurity = on;
            return this;
        }

        public Builder connectTimeoutMillis(int millis) {
            this.connectTimeoutMillis = positive(millis, "connect timeout");
            return this;
        }

        public Builder readTimeoutMillis(int millis) {
            this.readTimeoutMillis = positive(millis, "read timeout");
            return this;
        }

        /** See {@link SoapClientSettings#callTimeoutMillis()}; 0 switches the limit off. */
        public Builder callTimeoutMillis(int millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("call timeout must not be negative: " + millis);
            }
            this.callTimeoutMillis = millis;
            return this;
        }

        public Builder gzipRequests(boolean on) {
            this.gzipRequests = on;
            return this;
        }

        public Builder gzipThresholdBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("gzip threshold must not be negative: " + bytes);
            }
            this.gzipThresholdBytes = bytes;
            return this;
        }

        public SoapClientSettings build() {
            SoapClientSettings built = new SoapClientSettings(this);
            Arrays.fill(password, '\0');
            password = new char[0];
            return built;
        }

        private static int positive(int value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException(what + " must be positive: " + value);
            }
            return value;
        }

        private static URL httpUrl(String text) {
            if (text == null || text.trim().isEmpty()) {
                throw new IllegalArgumentException("the service URL is missing");
            }
            try {
                URL url = new URL(text.trim());
                String scheme = url.getProtocol().toLowerCase(java.util.Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || url.getHost().isEmpty()) {
                    throw new IllegalArgumentException("the service URL must be http:// or https:// with a host: " + text);
                }
                if (url.getUserInfo() != null) {
                    // would end up in logs; credentials have their own settings
                    throw new IllegalArgumentException("the service URL must not carry credentials: "
                            + url.getProtocol() + "://" + url.getHost() + "...");
                }
                return url;
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("the service URL is not a URL: " + text, e);
            }
        }
    }
}
