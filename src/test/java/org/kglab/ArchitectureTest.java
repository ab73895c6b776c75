package org.kglab;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.platform.Failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules a newcomer relies on to find their way: enforced, not just written down. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kglab");

    private static final String[] FEATURES = {
            "org.kglab.documents..", "org.kglab.ingestion..", "org.kglab.chunks..", "org.kglab.embedding..",
            "org.kglab.duplicates..", "org.kglab.graph..", "org.kglab.sync..", "org.kglab.identity..", "org.kglab.audit..",
            "org.kglab.mail..", "org.kglab.platform..", "org.kglab.jobs..", "org.kglab.linking.."};

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
        noClasses().that().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..", "org.kglab.chunks..",
                        "org.kglab.embedding..", "org.kglab.duplicates..", "org.kglab.graph..", "org.kglab.platform..")
                .should().dependOnClassesThat().resideInAPackage("org.kglab.sync..")
                .check(CLASSES);
    }

    @Test
    void identityKnowsNothingOfTheDataItProtects() {
        noClasses().that().resideInAPackage("org.kglab.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.chunks..", "org.kglab.embedding..", "org.kglab.duplicates..", "org.kglab.graph..", "org.kglab.sync..")
                .check(CLASSES);
    }

    /**
     * Identity is entered through one door: other features know who is calling, with which roles and
     * scopes, and nothing of tokens, accounts or keys. Only the edge and the application's entry point
     * see further in.
     */
    @Test
    void featuresSeeIdentityOnlyThroughItsAccessDoor() {
        noClasses().that().resideOutsideOfPackages("org.kglab", "org.kglab.api..", "org.kglab.identity..")
                .should().dependOnClassesThat(resideInAPackage("org.kglab.identity..")
                        .and(not(resideInAPackage("org.kglab.identity.access.."))))
                .check(CLASSES);
    }

    /** Dependencies between the top-level packages point one way; a new package is covered as it lands. */
    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("org.kglab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The same inside identity: its rooms stand on each other, never in a circle. */
    @Test
    void identityRoomsAreFreeOfCycles() {
        slices().matching("org.kglab.identity.(*)..").should().beFreeOfCycles().check(CLASSES);
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
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.chunks..", "org.kglab.duplicates..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..", "org.kglab.chunks..",
                        "org.kglab.duplicates..")
                .should().dependOnClassesThat().resideInAPackage("org.kglab.graph..")
                .check(CLASSES);
    }

    /** Jobs run work that features supply through a port; they know nothing of what the work is. */
    @Test
    void jobsKnowNothingOfTheWorkTheyRun() {
        noClasses().that().resideInAPackage("org.kglab.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.graph..", "org.kglab.sync..")
                .check(CLASSES);
    }

    /** The embedding port and its adapters know nothing of what they embed; chunks never know who ingests. */
    @Test
    void embeddingStandsBelowChunksAndChunksBelowIngestion() {
        noClasses().that().resideInAPackage("org.kglab.embedding..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.chunks..", "org.kglab.identity..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.kglab.chunks..")
                .should().dependOnClassesThat().resideInAPackage("org.kglab.ingestion..")
                .check(CLASSES);
    }

    /**
     * Entity extraction is pure logic behind a port: it reads chunks it is given and returns candidates, and
     * knows no store, no pipeline and no bridge. Whoever runs it (the ingestion pipeline) writes what it finds.
     * It shares the graph's allow-lists, the one thing of the graph it may see.
     */
    @Test
    void linkingKnowsNoStoreAndNoPipeline() {
        noClasses().that().resideInAPackage("org.kglab.linking..")
                .should().dependOnClassesThat(resideInAnyPackage("org.kglab.documents..", "org.kglab.ingestion..",
                        "org.kglab.chunks..", "org.kglab.graph..", "org.kglab.sync..", "org.kglab.jobs..",
                        "org.kglab.identity..", "org.neo4j..", "java.sql..", "javax.sql..")
                        .and(not(equivalentTo(GraphTypesProperties.class))))
                .check(CLASSES);
    }

    /** Near-duplicates build on documents; documents know nothing of them. */
    @Test
    void documentsDoNotKnowTheirNearDuplicates() {
        noClasses().that().resideInAPackage("org.kglab.documents..")
                .should().dependOnClassesThat().resideInAPackage("org.kglab.duplicates..")
                .check(CLASSES);
    }

    /** An exception thrown on purpose says what kind of outcome it is, so that every transport can map it. */
    @Test
    void everyExceptionOfOursIsAFailureWithAKind() {
        classes().that().areAssignableTo(Throwable.class)
                .should().beAssignableTo(Failure.class)
                .check(CLASSES);
    }

    /**
     * The edge maps a feature's failure by its kind, never by its class: a new exception needs no
     * change in {@code api}, and a switch over the features' exceptions cannot come back. The edge may
     * throw failures of its own (a malformed request, a missing sign-in). ArchUnit does not see the
     * labels of a pattern {@code switch} (they are bootstrap arguments), so the constant pool of each
     * class is read as well.
     */
    @Test
    void theApiKnowsTheFeaturesFailuresOnlyByTheirKind() {
        noClasses().that().resideInAPackage("org.kglab.api..")
                .should().dependOnClassesThat(FEATURE_FAILURES)
                .orShould(nameInTheirConstantPool(FEATURE_FAILURES))
                .check(CLASSES);
    }

    private static final DescribedPredicate<JavaClass> FEATURE_FAILURES = DescribedPredicate.describe(
            "are particular failures of a feature rather than " + Failure.class.getSimpleName(),
            type -> type.isAssignableTo(Failure.class) && !type.isEquivalentTo(Failure.class)
                    && !type.getPackageName().startsWith("org.kglab.api"));

    private static ArchCondition<JavaClass> nameInTheirConstantPool(DescribedPredicate<JavaClass> targets) {
        return new ArchCondition<>("name classes that " + targets.getDescription() + " in their constant pool") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (PoolEntry entry : classFile(type).constantPool()) {
                    if (entry instanceof ClassEntry named) {
                        String name = named.asInternalName().replace('/', '.');
                        if (CLASSES.contain(name) && targets.test(CLASSES.get(name))) {
                            events.add(SimpleConditionEvent.satisfied(type,
                                    type.getName() + " names " + name + " (in its constant pool)"));
                        }
                    }
                }
            }
        };
    }

    private static ClassModel classFile(JavaClass type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = ArchitectureTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No class file for " + type.getName());
            }
            return ClassFile.of().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
