package io.crmbridge.backend.sending;

import io.crmbridge.backend.BackendException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The SMTP side of sending: a Jakarta Mail session built from {@link SmtpSettings} (timeouts always set, TLS
 * certificates and host names always verified, STARTTLS required when asked for), and the one message it sends.
 * Failures become {@link BackendException}s: refused recipients INVALID_REQUEST, anything else UNAVAILABLE.
 */
final class SmtpGateway {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpGateway.class);
    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;

    SmtpGateway(SmtpSettings settings) {
        this.settings = settings;
        this.protocol = settings.implicitTls() ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol));
    }

    private static Properties properties(SmtpSettings s, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", s.host());
        props.put(p + "port", Integer.toString(s.port()));
        String millis = Long.toString(s.timeout().toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        props.put(p + "auth", Boolean.toString(!s.user().isEmpty()));
        if (s.startTls()) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        props.put(p + "ssl.checkserveridentity", "true");
        if (s.trustStore().isPresent()) {
            props.put(p + "ssl.socketFactory", sslContext(s).getSocketFactory());
        }
        return props;
    }

    private static SSLContext sslContext(SmtpSettings s) {
        try (InputStream in = Files.newInputStream(s.trustStore().orElseThrow())) {
            KeyStore store = KeyStore.getInstance(type(s));
            store.load(in, s.trustStorePassword().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the SMTP trust store " + s.trustStore().orElseThrow() + ": "
                    + e.getMessage(), e);
        }
    }

    // by the file name: name.jks is a Java key store, anything else PKCS#12 (.p12, .pfx)
    private static String type(SmtpSettings s) {
        return s.trustStore().orElseThrow().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    /** A new message with this Message-ID (Jakarta Mail would otherwise make its own on sending). */
    MimeMessage message(String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /** Fills in a plain-text message. */
    void compose(MimeMessage m, InternetAddress from, InternetAddress[] to, InternetAddress[] cc, InternetAddress[] bcc,
                 String subject, String body, Instant sentAt) throws MessagingException {
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to);
        if (cc.length > 0) {
            m.setRecipients(Message.RecipientType.CC, cc);
        }
        if (bcc.length > 0) {
            m.setRecipients(Message.RecipientType.BCC, bcc);
        }
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.setSentDate(Date.from(sentAt));
        m.setHeader("X-Mailer", "CRM Bridge");
    }

    /** Sends {@code m}; nothing was accepted by the server when this throws. */
    void send(MimeMessage m) {
        try {
            m.saveChanges();
            // the transport by name: Transport.send would pick "smtp" for internet addresses even for SMTPS
            Transport transport = session.getTransport(protocol);
            try {
                if (settings.user().isEmpty()) {
                    transport.connect();
                } else {
                    transport.connect(settings.user(), settings.password());
                }
                transport.sendMessage(m, m.getAllRecipients());
            } finally {
                closeQuietly(transport);
            }
        } catch (AuthenticationFailedException e) {
            throw new BackendException(BackendException.UNAVAILABLE, "the SMTP server " + where() + " refused the login of "
                    + settings.user(), e);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new BackendException(BackendException.INVALID_REQUEST, "the SMTP server " + where() + " refused "
                        + Arrays.stream(e.getInvalidAddresses()).map(Object::toString).collect(Collectors.joining(", "))
                        + ": " + e.getMessage(), e);
            }
            throw unavailable(e);
        } catch (MessagingException e) {
            throw unavailable(e);
        }
    }

    // once the server has taken the mail, a failing QUIT must not make it look unsent
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing the SMTP connection failed: {}", e.toString());
        }
    }

    private BackendException unavailable(MessagingException e) {
        String why = causedBy(e, SSLException.class) ? "TLS failed (is the server's certificate trusted and for this host?): "
                : "";
        return new BackendException(BackendException.UNAVAILABLE, "cannot send through the SMTP server " + where() + ": "
                + why + rootMessage(e), e);
    }

    String where() {
        return protocol + "://" + settings.host() + ":" + settings.port();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
