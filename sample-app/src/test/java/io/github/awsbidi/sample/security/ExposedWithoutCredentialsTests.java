package io.github.awsbidi.sample.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import io.github.awsbidi.sample.SampleApplication;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** Listening on another address without credentials fails at startup, with a failure analysis saying what to do. */
@ExtendWith(OutputCaptureExtension.class)
class ExposedWithoutCredentialsTests {

    private final ReactiveWebApplicationContextRunner contextRunner =
            new ReactiveWebApplicationContextRunner().withUserConfiguration(SecurityConfiguration.class);

    @Test
    void anotherAddressWithoutAPasswordFailsWithAnAnalysis() {
        contextRunner.withPropertyValues("server.address=0.0.0.0").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("listens on 0.0.0.0 (server.address)")
                    .contains("no credentials are configured");
            assertThat(analysis.getAction())
                    .contains("spring.security.user.name and spring.security.user.password")
                    .contains("server.address=127.0.0.1");
        });
    }

    @Test
    void anUnsetAddressIsEveryAddress() {
        contextRunner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(analyze(context.getStartupFailure()).getDescription())
                    .contains("listens on every address (server.address is not set)");
        });
    }

    @Test
    void aProxyInFrontNeedsCredentialsEvenOnLoopback() {
        contextRunner
                .withPropertyValues("server.address=127.0.0.1", "server.forward-headers-strategy=framework")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(analyze(context.getStartupFailure()).getDescription())
                            .contains("listens on 127.0.0.1 behind a proxy (server.forward-headers-strategy)");
                });
    }

    @Test
    void loopbackWithoutCredentialsOrAnotherAddressWithThemStarts() {
        contextRunner
                .withPropertyValues("server.address=127.0.0.1")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Exposure.class));
        contextRunner
                .withPropertyValues(
                        "server.address=0.0.0.0",
                        "spring.security.user.name=operator",
                        "spring.security.user.password=s3cret")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theSampleItselfReportsTheAnalysisAndDoesNotStart(CapturedOutput output) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        assertThatException()
                .isThrownBy(() -> application
                        .run("--server.address=0.0.0.0", "--server.port=0")
                        .close());
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("which other machines can reach, and no credentials are configured")
                .contains("server.address=127.0.0.1");
    }

    /** The analysis of the registered analyzers (Boot's own need a running application's arguments: skipped). */
    private static FailureAnalysis analyze(@Nullable Throwable failure) {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(
                        FailureAnalyzer.class,
                        SpringFactoriesLoader.ArgumentResolver.none(),
                        FailureHandler.handleMessage((message, error) -> {}));
        return analyzers.stream()
                .map(analyzer -> analyzer.analyze(Objects.requireNonNull(failure)))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure analysis of " + failure));
    }
}
