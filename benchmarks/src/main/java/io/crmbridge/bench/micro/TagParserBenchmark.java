package io.crmbridge.bench.micro;

import io.crmbridge.agent.core.tag.SubjectTag;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The subject tag parser on a realistic mix of subjects (tagged in each accepted form, untagged, malformed,
 * long), against the floor any parser has: looking at every character once for "crm:".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TagParserBenchmark {
    private static final UUID ID = UUID.fromString("8b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e");
    private final String[] subjects = {
        "Re: Quote for 500 seats CRM:{8b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e}:MRC",
        "Lunch next week?",
        "Escalation crm: 8B3C4D5E-6F70-4B8C-9DAE-1F2A3B4C5D6E:mrc",
        "Ticket CRM:12345:MRC",
        "Fwd: Re: Re: AW: Teklif – Ağaoğlu & Sons, offer for the renewal of the support contract 2025 and the training",
        "Re: Invoice CRM:{00000000-1111-2222-3333-444444444444}:MRC CRM:{8b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e}:MRC",
    };
    private int next;

    /** Subjects per second through {@link SubjectTag#find}. */
    @Benchmark
    public Optional<SubjectTag> find() {
        return SubjectTag.find(subjects[next++ % subjects.length]);
    }

    /** Subjects per second through {@link SubjectTag#append} (find, then append unless already there). */
    @Benchmark
    public String append() {
        return SubjectTag.append(subjects[next++ % subjects.length], ID);
    }

    /** The floor: every character looked at once for a case-insensitive "crm:". */
    @Benchmark
    public int scanFloor() {
        String s = subjects[next++ % subjects.length];
        int found = -1;
        for (int i = 0; i + 4 <= s.length(); i++) {
            if (s.regionMatches(true, i, "crm:", 0, 4)) {
                found = i;
            }
        }
        return found;
    }
}
