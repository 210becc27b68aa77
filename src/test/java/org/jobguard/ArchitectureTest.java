package org.jobguard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md section 6: the checker and the other pure packages import nothing from the adapters or I/O. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jobguard");
    }

    private static final String[] ADAPTERS_AND_IO = {
        "org.jobguard.telegram..", "org.jobguard.web..", "org.jobguard.patterns..", "org.jobguard.cli..",
        "org.jobguard.config..", "org.telegram..", "io.javalin..", "org.eclipse.jetty..", "okhttp3..",
        "java.sql..", "javax.sql..", "org.sqlite..", "java.net..", "java.net.http..", "com.fasterxml.jackson..",
        "org.slf4j..", "java.nio.file..", "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream",
    };

    @Test
    void checkerIsPure() {
        noClasses().that().resideInAPackage("org.jobguard.checker..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS_AND_IO)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.jobguard.contacts..", "org.jobguard.privacy..",
                        "org.jobguard.i18n..")
                .check(classes);
    }

    @Test
    void contactsAndPrivacyArePure() {
        noClasses().that().resideInAnyPackage("org.jobguard.contacts..", "org.jobguard.privacy..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS_AND_IO)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.jobguard.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jobguard.web..", "org.jobguard.cli..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.jobguard.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jobguard.telegram..")
                .allowEmptyShould(true).check(classes);
    }
}
