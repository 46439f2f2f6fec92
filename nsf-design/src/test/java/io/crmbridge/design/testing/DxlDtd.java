package io.crmbridge.design.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * HCL's DXL DTD ({@code ../shared/dxl/domino_9_0_1.dtd} beside the checkout, passed in as system property
 * {@code dxl.dtd}) and validation of DXL against it.
 */
public final class DxlDtd {
    private final Path dtd;

    private DxlDtd(Path dtd) {
        this.dtd = dtd;
    }

    /** The DTD; the calling test is skipped, saying why, when it is absent. */
    public static DxlDtd requireDtd() {
        String configured = System.getProperty("dxl.dtd", "");
        Path dtd = configured.isEmpty() ? Paths.get("..", "..", "shared", "dxl", "domino_9_0_1.dtd") : Paths.get(configured);
        assumeTrue(Files.isRegularFile(dtd), "DXL DTD not found at " + dtd.toAbsolutePath()
                + " (CI keeps it in ../shared/dxl beside the checkout): skipping DTD validation");
        return new DxlDtd(dtd);
    }

    /** Every validity error of {@code dxl} against the DTD, as "line:column message"; empty when valid. */
    public List<String> errors(String dxl) throws Exception {
        String withDoctype = withDoctype(dxl);
        List<String> errors = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // DTD validation knows no namespaces: the DTD declares xmlns as a fixed attribute of the root.
        factory.setNamespaceAware(false);
        factory.setValidating(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try {
            builder.parse(new InputSource(new StringReader(withDoctype)));
        } catch (SAXParseException e) {
            if (errors.isEmpty()) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        }
        return errors;
    }

    private String withDoctype(String dxl) {
        String doctype = "<!DOCTYPE database SYSTEM \"" + dtd.toAbsolutePath().toUri() + "\">";
        if (dxl.startsWith("<?xml")) {
            int end = dxl.indexOf("?>") + 2;
            return dxl.substring(0, end) + "\n" + doctype + dxl.substring(end);
        }
        return doctype + "\n" + dxl;
    }
}
