package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.settings.AgentSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.MailTransport;

/** Opens the transport a run sends its mail through, from the run's settings; tests give a fake one. */
public interface Transports {
    MailTransport open(AgentSettings settings);

    /** The production transport: the SOAP client with the run's settings. */
    static Transports soap(final AgentLog log) {
        return new Transports() {
            @Override
            public MailTransport open(AgentSettings settings) {
                return new SoapMailClient(settings.soapClientSettings(), log);
            }
        };
    }
}
