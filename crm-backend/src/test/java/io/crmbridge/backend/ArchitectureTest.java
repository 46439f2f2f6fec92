package io.crmbridge.backend;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The backend knows nothing of SOAP, of the front end, or of the agent (DESIGN.md, "Shape"). Rules are
 * methods, not fields: Surefire 3.5.3 silently skips {@code @ArchTest} fields (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "io.crmbridge.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static void noSoap(JavaClasses backend) {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.cxf..", "jakarta.xml.ws..", "javax.xml.ws..", "jakarta.jws..")
                .because("the backend knows nothing of SOAP; the endpoints translate and delegate")
                .check(backend);
    }

    @ArchTest
    static void noFrontEndOrAgent(JavaClasses backend) {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.crmbridge.ws..", "io.crmbridge.agent..")
                .because("dependencies point one way: agent <- ws -> backend")
                .check(backend);
    }

    @ArchTest
    static void mailIsSentInOnePlace(JavaClasses backend) {
        noClasses().that().resideOutsideOfPackage("io.crmbridge.backend.sending..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
                .because("SMTP is the sending package's business; the rest of the backend sees SentMail and BackendException")
                .check(backend);
    }

    @ArchTest
    static void theRulesWereGivenClassesToCheck(JavaClasses backend) {
        classes().that().haveSimpleName("CrmBackend").should().bePublic().check(backend);
    }
}
