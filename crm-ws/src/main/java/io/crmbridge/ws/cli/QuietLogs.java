package io.crmbridge.ws.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Short-lived commands (users, records import, import-mail) print their own result; the store's
 * start-up lines would only bury it, so they log warnings and errors only unless
 * {@code CRMBRIDGE_LOG_LEVEL} asks for more.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void unlessAsked(Map<String, String> environment) {
        if (environment.containsKey("CRMBRIDGE_LOG_LEVEL")) {
            return;
        }
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
