package app.characters.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of the style guide, said once in code. */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.characters");
    }

    @Test
    void sharedKernelDependsOnNothingButAxonAnnotationsAndTheJdk() {
        noClasses().that().resideInAPackage("app.characters.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..",
                        "com.fasterxml.jackson.databind..", "app.characters.command..", "app.characters.query..",
                        "app.characters.infra..")
                .check(classes);
    }

    @Test
    void commandSideNeverDependsOnQuerySideOrInfra() {
        noClasses().that().resideInAPackage("app.characters.command..")
                .should().dependOnClassesThat().resideInAnyPackage("app.characters.query..", "app.characters.infra..")
                .check(classes);
    }

    @Test
    void querySideNeverDependsOnCommandSideOrInfra() {
        noClasses().that().resideInAPackage("app.characters.query..")
                .should().dependOnClassesThat().resideInAnyPackage("app.characters.command..", "app.characters.infra..")
                .check(classes);
    }

    @Test
    void controllersTouchNoRepository() {
        noClasses().that().resideInAPackage("app.characters.infra.web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }
}
