package io.github.awsbidi.docs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Which module may depend on which: the table of docs/architecture.md. */
@AnalyzeClasses(packages = Modules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyRulesTests {

    @ArchTest
    static final ArchRule modulesDependOnlyAsTheTableSays = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("emulator")
            .definedBy(Modules.EMULATOR.packages())
            .layer("core")
            .definedBy(Modules.CORE.packages())
            .layer("novasonic")
            .definedBy(Modules.NOVASONIC.packages())
            .layer("polly")
            .definedBy(Modules.POLLY.packages())
            .layer("realtime")
            .definedBy(Modules.REALTIME.packages())
            .layer("testcontainers")
            .definedBy(Modules.TESTCONTAINERS.packages())
            .layer("autoconfigure")
            .definedBy(Modules.AUTOCONFIGURE.packages())
            .layer("load")
            .definedBy(Modules.LOAD.packages())
            .layer("benchmarks")
            .definedBy(Modules.BENCHMARKS.packages())
            .optionalLayer("sample-app")
            .definedBy(Modules.SAMPLE_APP)
            .whereLayer("emulator")
            .mayNotAccessAnyLayer()
            .whereLayer("core")
            .mayNotAccessAnyLayer()
            .whereLayer("testcontainers")
            .mayNotAccessAnyLayer()
            .whereLayer("novasonic")
            .mayOnlyAccessLayers("core")
            .whereLayer("polly")
            .mayOnlyAccessLayers("core")
            .whereLayer("realtime")
            .mayOnlyAccessLayers("core", "novasonic")
            .whereLayer("autoconfigure")
            .mayOnlyAccessLayers("core", "novasonic", "polly", "realtime", "emulator", "testcontainers")
            .whereLayer("load")
            .mayOnlyAccessLayers("core", "novasonic", "polly")
            .whereLayer("benchmarks")
            .mayOnlyAccessLayers("core", "polly", "emulator")
            .whereLayer("sample-app")
            .mayNotBeAccessedByAnyLayer()
            .because("each module builds on the ones below it and on nothing beside it: the operations (novasonic,"
                    + " polly) stand on core alone, the emulator and core know nothing of each other, and the sample"
                    + " app is an application to copy from, never a library");

    @ArchTest
    static final ArchRule emulatorNeverImportsCore = noClasses()
            .that()
            .resideInAnyPackage(Modules.EMULATOR.packages())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Modules.CORE.packages())
            .because("the emulator is the independent peer that keeps core honest: a codec shared by both sides"
                    + " would hide a bug in both");

    @ArchTest
    static final ArchRule coreNeverImportsTheEmulator = noClasses()
            .that()
            .resideInAnyPackage(Modules.CORE.packages())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Modules.EMULATOR.packages())
            .because("core's tests run against the emulator, its production code never does: an application must"
                    + " not carry a server it does not start");

    @ArchTest
    static final ArchRule modulesHoldOnlyTheirOwnPackages = classes()
            .should(Modules.resideInTheirModulesPackages())
            .because("the rules name modules by their packages, which holds only while no module puts a class in"
                    + " another's package (a class of core's package in novasonic's jar, or the reverse)");

    @ArchTest
    static final ArchRule coreInternalIsForOperationsOnly = classes()
            .that()
            .resideInAPackage("io.github.awsbidi.core.internal..")
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage("io.github.awsbidi.core..", "io.github.awsbidi.polly..")
            .because("core.internal is the streaming engine the operations share (SageMaker, Bedrock, Polly's"
                    + " StartSpeechSynthesisStream), public only so that their packages can use it: not an API");
}
