package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.settings.AgentSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.tag.TagService;

/** Opens the service a run asks for tags, from the run's settings; tests give a fake one. */
public interface TagServices {
    TagService open(AgentSettings settings);

    /** The production service: the SOAP client, each call held to the tag timeout of the settings. */
    static TagServices soap(final AgentLog log) {
        return new TagServices() {
            @Override
            public TagService open(AgentSettings settings) {
                return new SoapMailClient(settings.taggingClientSettings(), log);
            }
        };
    }
}
