package io.github.awsbidi.docs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core is the generic session only: what is particular to one model or operation lives in that operation's module.
 * (These rules replace novasonic's former ModuleBoundaryTests, which read core's jar for the same facts.)
 */
@AnalyzeClasses(packages = Modules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class CoreContentRulesTests {

    @ArchTest
    static final ArchRule coreJarHoldsOnlyCorePackages = classes()
            .that(Modules.loadedFrom(Modules.CORE))
            .should()
            .resideInAnyPackage(Modules.CORE.packages())
            .because("a Nova Sonic or Polly class put into core's jar under its own package name would pass every"
                    + " package rule while still shipping in core");

    @ArchTest
    static final ArchRule coreHoldsNoNovaSonicOrPollyClasses = classes()
            .that()
            .resideInAnyPackage(Modules.CORE.packages())
            .should()
            .haveNameNotMatching("(?i).*(novasonic|nova_sonic|polly).*")
            .because("core is the generic session over SageMaker and Bedrock: the Nova Sonic conversation lives in"
                    + " novasonic and Polly's operation in polly, so that core builds, and is used, without either");

    @ArchTest
    static final ArchRule coreDependsOnNoJackson = noClasses()
            .that()
            .resideInAnyPackage(Modules.CORE.packages())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
            .because("core's frames are bytes: JSON events belong to the modules that define them (novasonic's"
                    + " typed events, realtime's protocol), and an application of core alone carries no Jackson");

    @ArchTest
    static final ArchRule coreUsesMicrometerOnlyInItsListeners = noClasses()
            .that()
            .resideInAnyPackage(Modules.CORE.packages())
            .and()
            .resideOutsideOfPackage("io.github.awsbidi.core.micrometer..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.micrometer..")
            .because("metrics plug into core through its listener SPI: Micrometer is an optional dependency that"
                    + " only the listeners in core.micrometer touch, so core runs without it");
}
