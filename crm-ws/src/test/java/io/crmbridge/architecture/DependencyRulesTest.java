package io.crmbridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies in DESIGN.md, checked over the main classes of every module on this
 * module's class path: agent ← ws → backend, the agent's core free of lotus.domino, the backend free
 * of SOAP, and no main code using the test fixtures.
 */
class DependencyRulesTest {
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crmbridge");
    }

    @Test
    void everyModuleIsOnTheClassPathBeingChecked() {
        // A rule over classes that are not there would pass for the wrong reason.
        for (String module : java.util.List.of("io.crmbridge.backend", "io.crmbridge.agent.core", "io.crmbridge.agent.domino",
                "io.crmbridge.ws")) {
            org.assertj.core.api.Assertions.assertThat(product.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                    .as(module).isTrue();
        }
    }

    @Test
    void theBackendKnowsNothingOfSoapTheFrontEndOrTheAgent() {
        noClasses().that().resideInAPackage("io.crmbridge.backend..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.cxf..", "jakarta.xml.ws..", "jakarta.jws..", "io.crmbridge.ws..", "io.crmbridge.agent..")
                .check(product);
    }

    @Test
    void theAgentsCoreNeverTouchesTheNotesApi() {
        noClasses().that().resideInAPackage("io.crmbridge.agent.core..")
                .should().dependOnClassesThat().resideInAnyPackage("lotus.domino..", "io.crmbridge.agent.domino..")
                .check(product);
    }

    @Test
    void theAgentDependsOnNothingOfTheServer() {
        noClasses().that().resideInAPackage("io.crmbridge.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crmbridge.ws..", "io.crmbridge.backend..")
                .check(product);
    }

    @Test
    void theFrontEndUsesOnlyTheAgentsCore() {
        noClasses().that().resideInAPackage("io.crmbridge.ws..")
                .should().dependOnClassesThat().resideInAnyPackage("io.crmbridge.agent.domino..", "lotus.domino..")
                .check(product);
    }

    @Test
    void mainCodeNeverUsesTheTestFixtures() {
        noClasses().that().resideOutsideOfPackage("io.crmbridge.fixtures..")
                .should().dependOnClassesThat().resideInAPackage("io.crmbridge.fixtures..")
                .check(product);
    }
}
