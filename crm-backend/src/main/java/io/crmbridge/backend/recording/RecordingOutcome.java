package io.crmbridge.backend.recording;

import io.crmbridge.backend.correlation.Correlation;

import java.util.UUID;

/**
 * What recording one submission did: which activity it is now part of, whether that activity was created
 * or only sighted again, and the activity's current decision.
 */
record RecordingOutcome(UUID activityId, boolean created, Correlation decision) {

    String state() {
        if (decision instanceof Correlation.Linked) {
            return "RECORDED";
        }
        return decision instanceof Correlation.NotTracked ? "IGNORED" : "UNRESOLVED";
    }
}
