package io.crmbridge.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.crmbridge.agent.domino.InboxAgent;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent's dependency rules from DESIGN.md, checked on the compiled main classes. */
class DependencyRulesTest {
    private static JavaClasses agent;

    @BeforeAll
    static void importMainClasses() throws Exception {
        // The compiled main classes themselves: scanning the class path for the package costs seconds.
        Path mainClasses = Paths.get(InboxAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        agent = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(mainClasses);
        assertThat(agent).as("the main classes were found").isNotEmpty();
    }

    @Test
    void coreNeverTouchesDomino() {
        noClasses().that().resideInAPackage("io.crmbridge.agent.core..")
                .should().dependOnClassesThat().resideInAnyPackage("lotus.domino..", "io.crmbridge.agent.domino..")
                .because("core runs on any JVM (the crm-bridge command line uses it) and is tested without Domino")
                .check(agent);
    }

    @Test
    void onlyTheJdkAndTheNotesApiAtRunTime() {
        classes().that().resideInAPackage("io.crmbridge.agent..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.crmbridge.agent..", "java..", "javax..", "lotus.domino..")
                .because("the agent jar runs inside Domino with the JDK alone")
                .check(agent);
    }
}
