package io.crmbridge.backend.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void idsMadeInLaterMillisecondsSortAfterAsTheDatabasesCompareThem() throws InterruptedException {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(TimeOrderedIds.next());
            Thread.sleep(2);
        }

        // H2 and PostgreSQL compare UUIDs as unsigned 128-bit numbers, most significant half first
        List<UUID> sorted = new ArrayList<>(made);
        sorted.sort((a, b) -> {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
        assertThat(sorted).containsExactlyElementsOf(made);
        assertThat(made).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    }

    @Test
    void idsMadeTogetherAreAllDifferent() {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids).hasSize(10_000);
    }
}
