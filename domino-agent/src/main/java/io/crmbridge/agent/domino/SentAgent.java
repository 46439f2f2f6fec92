package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import lotus.domino.AgentBase;

/**
 * The Domino agent class named in the mail file's design; a shell that hands the session to
 * {@link SentRun}, which does the work and is what the tests drive.
 */
public class SentAgent extends AgentBase {
    @Override
    public void NotesMain() {
        AgentLog log = AgentLog.to(getAgentOutput());
        try {
            new SentRun(getSession(), log).run();
        } catch (RuntimeException e) {
            log.error("Sent agent failed", e);
        }
    }
}
