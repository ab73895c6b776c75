package org.kglab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules a newcomer relies on to find their way: enforced, not just written down. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kglab");

    private static final String[] FEATURES = {
            "org.kglab.documents..", "org.kglab.ingestion..", "org.kglab.graph..", "org.kglab.sync..",
            "org.kglab.identity..", "org.kglab.audit..", "org.kglab.mail..", "org.kglab.platform.."};

    @Test
    void featuresNeverDependOnTheApiLayer() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAPackage("org.kglab.api..")
                .check(CLASSES);
    }

    @Test
    void onlyTheGraphAndPlatformTalkToTheNeo4jDriver() {
        noClasses().that().resideOutsideOfPackages("org.kglab.graph..", "org.kglab.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotKnowAboutTheSyncBridge() {
        noClasses().that().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..", "org.kglab.graph..",
                        "org.kglab.platform..")
                .should().dependOnClassesThat().resideInAPackage("org.kglab.sync..")
                .check(CLASSES);
    }

    @Test
    void identityKnowsNothingOfTheDataItProtects() {
        noClasses().that().resideInAPackage("org.kglab.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.graph..", "org.kglab.sync..")
                .check(CLASSES);
    }

    /** Everything may record to the audit trail or send mail; those two know nothing of anyone in return. */
    @Test
    void auditAndMailStandBelowTheFeatures() {
        noClasses().that().resideInAnyPackage("org.kglab.audit..", "org.kglab.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.graph..", "org.kglab.sync..", "org.kglab.identity..")
                .check(CLASSES);
    }

    @Test
    void storesDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("org.kglab.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..")
                .should().dependOnClassesThat().resideInAPackage("org.kglab.graph..")
                .check(CLASSES);
    }
}
