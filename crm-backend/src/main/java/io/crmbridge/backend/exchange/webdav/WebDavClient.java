package io.crmbridge.backend.exchange.webdav;

import io.crmbridge.backend.exchange.ExchangeException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.NTCredentials;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.auth.BasicSchemeFactory;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.auth.NTLMSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends WebDAV requests to one Exchange server over a pool of kept-alive connections (HttpClient 5):
 * Basic sent with the first request, or NTLM negotiated per connection; no automatic retries or
 * redirects — the sync decides what to try again.
 */
final class WebDavClient implements AutoCloseable {

    private static final ContentType XML = ContentType.create("text/xml", StandardCharsets.UTF_8);

    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager pool;
    private final HttpHost host;
    private final Credentials credentials;
    private final boolean preemptiveBasic;

    @SuppressWarnings("deprecation") // NTLM: deprecated upstream as weak, still what Exchange 2003 speaks
    WebDavClient(WebDavSettings settings) {
        this.host = HttpHost.create(settings.server());
        this.preemptiveBasic = settings.authentication() == WebDavSettings.Authentication.BASIC;
        this.credentials = preemptiveBasic
                ? new UsernamePasswordCredentials(settings.username(), settings.password().toCharArray())
                : new NTCredentials(settings.username(), settings.password().toCharArray(), "", settings.ntlmDomain());
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(TrustMaterial.sslContext(settings.trustStore()))
                        .buildClassic())
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(response)
                        // A kept-alive connection the server closed meanwhile is found out before use.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        Registry<AuthSchemeFactory> schemes = RegistryBuilder.<AuthSchemeFactory>create()
                .register(StandardAuthScheme.BASIC, BasicSchemeFactory.INSTANCE)
                .register(StandardAuthScheme.NTLM, NTLMSchemeFactory.INSTANCE)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultAuthSchemeRegistry(schemes)
                .setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                        .add(new AuthScope(host), credentials).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(response)
                        .setConnectionRequestTimeout(response)
                        .setTargetPreferredAuthSchemes(List.of(preemptiveBasic
                                ? StandardAuthScheme.BASIC : StandardAuthScheme.NTLM))
                        .build())
                // One service account for all requests: NTLM-authenticated connections may serve any of them.
                .disableConnectionState()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("CRM-Bridge WebDAV")
                .build();
    }

    /** Sends one request; a failure to get any answer is an {@link ExchangeException}, any answer is returned. */
    DavAnswer send(String method, URI uri, byte[] body, Map<String, String> headers) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        request.setHeader("Translate", "f");
        headers.forEach(request::setHeader);
        if (body.length > 0) {
            request.setEntity(new ByteArrayEntity(body, XML));
        }
        try {
            return http.execute(request, context(), response -> new DavAnswer(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity()),
                    retryAfter(response.getFirstHeader("Retry-After"))));
        } catch (SSLException e) {
            throw new ExchangeException(ExchangeException.Code.TLS, 0, method + " " + uri + ": TLS failed: "
                    + e.getMessage(), Optional.empty(), e);
        } catch (IOException e) {
            throw new ExchangeException(ExchangeException.Code.CONNECTION, 0, method + " " + uri + ": no answer: "
                    + e, Optional.empty(), e);
        }
    }

    private HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        if (preemptiveBasic) {
            // Saves the 401 round trip per request that a challenge-first exchange would cost.
            BasicScheme basic = new BasicScheme(); // UTF-8, as RFC 7617 asks
            basic.initPreemptive(credentials);
            AuthCache cache = new BasicAuthCache();
            cache.put(host, basic);
            context.setAuthCache(cache);
        }
        return context;
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(Header header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.getValue().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.GRACEFUL);
    }
}
