package io.crmbridge.ws.cli;

import io.crmbridge.agent.core.log.AgentLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent's log lines, when its core runs inside crm-bridge, go to the server's log. */
final class Slf4jAgentLog extends AgentLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.crmbridge.agent");

    @Override
    public void info(String message) {
        LOG.info(message);
    }

    @Override
    public void warn(String message) {
        LOG.warn(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        LOG.error(message + (cause == null ? "" : " (" + cause + ")"));
    }
}
