package io.github.awsbidi.docs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Spring appears only in the auto-configuration, the realtime module's WebFlux endpoint and the sample app. */
@AnalyzeClasses(packages = Modules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class NoSpringRulesTests {

    @ArchTest
    static final ArchRule librariesDependOnNoSpring = noClasses()
            .that()
            .resideInAnyPackage(Modules.CORE.packages())
            .or()
            .resideInAnyPackage(Modules.NOVASONIC.packages())
            .or()
            .resideInAnyPackage(Modules.POLLY.packages())
            .or()
            .resideInAnyPackage(Modules.TESTCONTAINERS.packages())
            .or()
            .resideInAnyPackage(Modules.LOAD.packages())
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("core, novasonic, polly, testcontainers and the load tool are plain libraries: an application"
                    + " without Spring uses them as they are, and the Spring wiring of each lives in autoconfigure");

    @ArchTest
    static final ArchRule realtimeProtocolDependsOnNoSpring = noClasses()
            .that()
            .resideInAPackage("io.github.awsbidi.realtime..")
            .and()
            .resideOutsideOfPackage("io.github.awsbidi.realtime.webflux..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the OpenAI Realtime protocol and its session over a Nova Sonic conversation have no transport;"
                    + " only the /v1/realtime endpoint (package realtime.webflux) is written for Spring WebFlux");

    @ArchTest
    static final ArchRule emulatorDependsOnNoSpring = noClasses()
            .that()
            .resideInAnyPackage(Modules.EMULATOR.packages())
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework..")
            .because("the emulator is a plain Netty server that any test or container runs; its development-time"
                    + " auto-configuration lives in autoconfigure, with the emulator as an optional dependency");
}
