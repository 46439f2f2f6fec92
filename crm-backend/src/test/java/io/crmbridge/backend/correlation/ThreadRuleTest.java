package io.crmbridge.backend.correlation;

import org.junit.jupiter.api.Test;

import static io.crmbridge.backend.Mails.aMail;
import static org.assertj.core.api.Assertions.assertThat;

class ThreadRuleTest {
    @Test
    void inReplyToFirstThenReferencesFromTheNearestBackWithoutTheMailsOwnId() {
        assertThat(ThreadRule.ancestors(aMail().messageId("<self@x>").replyTo("<parent@x>", "<root@x>", "self@x").build()))
                .containsExactly("<parent@x>", "<root@x>");
        assertThat(ThreadRule.ancestors(aMail().references("<root@x> <middle@x>", "parent@x").build()))
                .containsExactly("<parent@x>", "<middle@x>", "<root@x>");
        assertThat(ThreadRule.ancestors(aMail().build())).isEmpty();
    }
}
