package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/** Each misconfiguration fails startup, and the failure analysis names the property and the fix. */
class AwsBidiConfigurationFailureAnalyzerTests {

    private static final String TRANSCRIBER = "aws.bidi.sagemaker.sessions.transcriber.";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AwsBidiAutoConfiguration.class))
            .withPropertyValues("aws.bidi.region=eu-west-1");

    @Test
    void sageMakerSessionWithoutEndpointName() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .isEqualTo("SageMaker session 'transcriber' has no endpoint name: " + TRANSCRIBER
                                    + "endpoint-name is not set.");
                    assertThat(analysis.getAction())
                            .isEqualTo("Set " + TRANSCRIBER
                                    + "endpoint-name to the name of the SageMaker endpoint to invoke.");
                },
                TRANSCRIBER + "target-variant=variant-1");
    }

    @Test
    void bedrockSessionWithoutModelId() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith("Bedrock session 'assistant' has no model id")
                            .contains("aws.bidi.bedrock.sessions.assistant.model-id is not set");
                    assertThat(analysis.getAction()).startsWith("Set aws.bidi.bedrock.sessions.assistant.model-id to ");
                },
                "aws.bidi.bedrock.sessions.assistant.region=us-east-1");
    }

    @Test
    void invalidTargetVariant() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith(
                                    "Invalid value 'variant_1' of " + TRANSCRIBER
                                            + "target-variant: targetVariant (X-Amzn-SageMaker-Target-Variant) 'variant_1' does not match");
                    assertThat(analysis.getAction())
                            .isEqualTo("Fix " + TRANSCRIBER + "target-variant to meet AWS's limit, or remove it.");
                    assertThat(analysis.getCause()).hasCauseInstanceOf(BidiStreamException.class);
                    assertThat(((BidiStreamException) analysis.getCause().getCause()).kind())
                            .isEqualTo(ErrorKind.VALIDATION);
                },
                TRANSCRIBER + "endpoint-name=asr",
                TRANSCRIBER + "target-variant=variant_1");
    }

    @Test
    void tooLongModelInvocationPath() {
        assertFailure(
                analysis -> assertThat(analysis.getDescription())
                        .contains(TRANSCRIBER
                                + "model-invocation-path: modelInvocationPath (X-Amzn-SageMaker-Model-Invocation-Path) is 101 "
                                + "characters long, over the limit of 100"),
                TRANSCRIBER + "endpoint-name=asr",
                TRANSCRIBER + "model-invocation-path=" + "a".repeat(101));
    }

    @Test
    void invalidModelQueryString() {
        assertFailure(
                analysis -> assertThat(analysis.getDescription())
                        .startsWith("Invalid value 'language en' of " + TRANSCRIBER + "model-query-string: ")
                        .contains("does not match k=v pairs"),
                TRANSCRIBER + "endpoint-name=asr",
                TRANSCRIBER + "model-query-string=language en");
    }

    @Test
    void invalidEndpointName() {
        assertFailure(
                analysis -> assertThat(analysis.getDescription())
                        .startsWith("Invalid value 'my_asr' of " + TRANSCRIBER + "endpoint-name: "),
                TRANSCRIBER + "endpoint-name=my_asr");
    }

    @Test
    void unknownKeyUnderASessionSuggestsTheNearestKey() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith("Unknown property " + TRANSCRIBER + "endpoint-nmae");
                    assertThat(analysis.getAction())
                            .isEqualTo("Did you mean " + TRANSCRIBER + "endpoint-name? Valid keys of "
                                    + "aws.bidi.sagemaker.sessions.transcriber are endpoint, endpoint-name, model-invocation-path, "
                                    + "model-query-string, region, target-variant.");
                },
                TRANSCRIBER + "endpoint-nmae=asr");
    }

    @Test
    void unknownKeyUnderABedrockSession() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith("Unknown property aws.bidi.bedrock.sessions.assistant.model");
                    assertThat(analysis.getAction())
                            .startsWith("Did you mean aws.bidi.bedrock.sessions.assistant.model-id?");
                },
                "aws.bidi.bedrock.sessions.assistant.model=amazon.nova-2-sonic-v1:0");
    }

    @Test
    void sessionNameUsedByBothServices() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith("Session name 'twin' is used by both "
                                    + "aws.bidi.sagemaker.sessions.twin and aws.bidi.bedrock.sessions.twin");
                    assertThat(analysis.getAction()).isEqualTo("Rename one of the two sessions.");
                },
                "aws.bidi.sagemaker.sessions.twin.endpoint-name=asr",
                "aws.bidi.bedrock.sessions.twin.model-id=echo");
    }

    @Test
    void invalidHttpSetting() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .isEqualTo(
                                    "Invalid aws.bidi.http.max-concurrency: maxConcurrency must be at least 1, was 0.");
                    assertThat(analysis.getAction()).startsWith("Set aws.bidi.http.max-concurrency to a value within");
                },
                "aws.bidi.http.max-concurrency=0");
    }

    @Test
    void invalidRetrySetting() {
        assertFailure(
                analysis -> assertThat(analysis.getDescription())
                        .startsWith(
                                "Invalid aws.bidi.retry.max-backoff: maxBackoff must not be below initialBackoff (PT1S), was PT0.1S"),
                "aws.bidi.retry.max-backoff=100ms",
                "aws.bidi.retry.initial-backoff=1s");
    }

    @Test
    void aMisspelledKeyOfAGroupFailsWithTheSameReportAsInASession() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith("Unknown property aws.bidi.retry.max-atempts from ");
                    assertThat(analysis.getAction())
                            .startsWith("Did you mean aws.bidi.retry.max-attempts? Valid keys of "
                                    + "aws.bidi.retry are initial-backoff, max-attempts, max-backoff, max-elapsed, max-replay-size, "
                                    + "retry-on.");
                },
                "aws.bidi.retry.max-atempts=1");
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription()).startsWith("Unknown property aws.bidi.http.max-concurency");
                    assertThat(analysis.getAction())
                            .startsWith("Did you mean aws.bidi.http.max-concurrency? ")
                            .contains("ping-period");
                },
                "aws.bidi.http.max-concurency=10");
    }

    @Test
    void aMisspelledMapNameFails() {
        assertFailure(
                analysis -> {
                    assertThat(analysis.getDescription())
                            .startsWith("Unknown property aws.bidi.sagemaker.session.extra.endpoint-name from ");
                    assertThat(analysis.getAction())
                            .isEqualTo("Did you mean aws.bidi.sagemaker.sessions? "
                                    + "Valid keys of aws.bidi.sagemaker are sessions.");
                },
                "aws.bidi.sagemaker.session.extra.endpoint-name=echo");
    }

    @Test
    void aMisspelledGroupNameFails() {
        assertFailure(
                analysis -> assertThat(analysis.getAction())
                        .startsWith(
                                "Did you mean aws.bidi.retry? Valid keys of aws.bidi are bedrock, emulator, endpoint, "),
                "aws.bidi.retyr.max-attempts=2");
    }

    @Test
    void aMisspelledEmulatorKeyFailsEvenWithTheEmulatorOff() {
        assertFailure(
                analysis -> assertThat(analysis.getAction())
                        .isEqualTo(
                                "Did you mean "
                                        + "aws.bidi.emulator.enabled? Valid keys of aws.bidi.emulator are cassette-matching, cassette-time-scale, cassettes, config-file, enabled, port, tls."),
                "aws.bidi.emulator.enabeld=true");
    }

    @Test
    void knownKeysOfEveryGroupStartTheApplication() {
        this.contextRunner
                .withPropertyValues(
                        "aws.bidi.retry.max-attempts=1",
                        "aws.bidi.http.max-concurrency=10",
                        "aws.bidi.http.ping-period=20s",
                        "aws.bidi.exchange.max-frame-size=64KB",
                        "aws.bidi.retry.max-replay-size=2MB",
                        "aws.bidi.shutdown.timeout=5s",
                        "aws.bidi.emulator.port=0",
                        "aws.bidi.retry.retry-on=throttling",
                        "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
                        "aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-2-sonic-v1:0",
                        "aws.bidi.bedrock.sessions.assistant.nova-sonic.renewal.force-after=30s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aDataSizeOverTheLimitNamesItsProperty() {
        assertFailure(
                analysis -> assertThat(analysis.getDescription())
                        .startsWith(
                                "Invalid aws.bidi.exchange.max-frame-size: maxFrameBytes must be at least 1, was 0"),
                "aws.bidi.exchange.max-frame-size=0");
        assertFailure(
                analysis -> assertThat(analysis.getDescription())
                        .startsWith("Invalid aws.bidi.http.ping-period: healthCheckPingPeriod must be positive"),
                "aws.bidi.http.ping-period=0s");
    }

    @Test
    void missingRegionNamesThePropertiesThatWouldFixIt() {
        AwsRegionProvider empty = () -> {
            throw SdkClientException.create("Unable to load region from any of the providers in the chain");
        };
        AwsBidiProperties properties = new AwsBidiProperties();
        AwsBidiProperties.BedrockSession assistant = new AwsBidiProperties.BedrockSession();
        assistant.setModelId("amazon.nova-2-sonic-v1:0");
        properties.getBedrock().getSessions().put("assistant", assistant);
        PropertiesAwsBidiConnectionDetails details = new PropertiesAwsBidiConnectionDetails(properties, null, null);
        SessionConnections connections = new SessionConnections(details, SessionDefinitions.of(properties), empty);
        assertThatExceptionOfType(AwsBidiConfigurationException.class)
                .isThrownBy(() -> connections.forSession("assistant"))
                .satisfies(ex -> {
                    FailureAnalysis analysis = new AwsBidiConfigurationFailureAnalyzer().analyze(ex);
                    assertThat(analysis.getDescription())
                            .startsWith("No AWS region for session "
                                    + "aws.bidi.bedrock.sessions.assistant: aws.bidi.region and "
                                    + "aws.bidi.bedrock.sessions.assistant.region are not set");
                    assertThat(analysis.getAction())
                            .isEqualTo(
                                    "Set aws.bidi.region (or "
                                            + "aws.bidi.bedrock.sessions.assistant.region), or the AWS_REGION environment variable.");
                });
    }

    @Test
    void isRegisteredAsAFailureAnalyzer() {
        // Boot's own analyzers need constructor arguments that only a running application supplies: skip them.
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(
                                FailureAnalyzer.class,
                                SpringFactoriesLoader.ArgumentResolver.none(),
                                FailureHandler.handleMessage((message, failure) -> {})))
                .hasAtLeastOneElementOfType(AwsBidiConfigurationFailureAnalyzer.class);
    }

    private void assertFailure(Consumer<FailureAnalysis> assertions, String... properties) {
        this.contextRunner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AwsBidiConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis)
                    .as("failure analysis of %s", context.getStartupFailure())
                    .isNotNull();
            assertions.accept(analysis);
        });
    }
}
