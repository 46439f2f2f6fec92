package io.crmbridge.backend.exchange.webdav;

import io.crmbridge.backend.exchange.ContactFields;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The XML writing of a contact: the PROPPATCH body the WebDAV gateway sends for one contact, built the way
 * {@link WebDavContactGateway#upsertContact} builds it. In the gateway's package (the writer is package-private;
 * the benchmark module puts it on the class path, no module system involved). The floor: the same values
 * encoded as UTF-8, which any writer has to produce at least.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ContactXmlBenchmark {
    private final ContactFields fields = ContactFields.builder().givenName("Ayşe").surname("Ağaoğlu").email("ayse@agaoglu.example")
            .email("a.agaoglu@example.com").company("Ağaoğlu & Sons").jobTitle("Purchasing <manager>").businessPhone("+90 212 555 0101")
            .city("İstanbul").build();

    /** Contacts per second turned into their PROPPATCH body. */
    @Benchmark
    public byte[] propertyUpdate() {
        Map<DavProperty, String> properties = new LinkedHashMap<>();
        properties.put(DavProperty.CONTENTCLASS, "urn:content-classes:person");
        properties.put(DavProperty.OUTLOOKMESSAGECLASS, "IPM.Contact");
        properties.putAll(ContactProperties.toProperties(fields));
        return DavXmlBodies.propertyUpdate(properties);
    }

    /** The floor: the property values alone, encoded. */
    @Benchmark
    public byte[] valuesFloor() {
        StringBuilder b = new StringBuilder(256);
        for (String v : ContactProperties.toProperties(fields).values()) {
            b.append(v);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
