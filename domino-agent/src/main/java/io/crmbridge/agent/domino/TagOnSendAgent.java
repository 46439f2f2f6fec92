package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.log.AgentLog;
import lotus.domino.AgentBase;

/**
 * The Domino agent class of "CRM Bridge Tag On Send", called from the memo form's QuerySend with
 * {@code RunWithDocumentContext}; a shell that hands the session to {@link TagOnSendRun}. It must never
 * throw into the caller: a send must not fail because of CRM Bridge.
 */
public class TagOnSendAgent extends AgentBase {
    @Override
    public void NotesMain() {
        AgentLog log = null;
        try {
            log = AgentLog.to(getAgentOutput());
            new TagOnSendRun(getSession(), log).run();
        } catch (Throwable e) { // the boundary to the user's send: nothing may escape, not even an Error
            if (log != null) {
                log.error("Tag on send failed; the mail leaves untagged", e);
            }
        }
    }
}
