package io.github.awsbidi.autoconfigure.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.NovaSonicAutoConfiguration;
import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.realtime.RealtimeSession;
import io.github.awsbidi.realtime.webflux.RealtimeAuthenticator;
import io.github.awsbidi.realtime.webflux.RealtimeEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The façade's auto-configuration in a reactive web application on a real port, against the embedded emulator: a text
 * turn over a real WebSocket, the handshake's refusals, back-off and failure analysis of bad settings.
 */
class RealtimeAutoConfigurationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner(
                    org.springframework.boot.web.server.reactive.context
                                    .AnnotationConfigReactiveWebServerApplicationContext::new)
            .withConfiguration(AutoConfigurations.of(
                    NettyReactiveWebServerAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class,
                    WebFluxAutoConfiguration.class,
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class,
                    NovaSonicAutoConfiguration.class,
                    RealtimeAutoConfiguration.class))
            .withPropertyValues(
                    "server.port=0",
                    "aws.bidi.emulator.enabled=true",
                    "aws.bidi.emulator.config-file=classpath:realtime-emulator-config.json",
                    "aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-2-sonic-v1:0",
                    "aws.bidi.realtime.enabled=true",
                    "aws.bidi.realtime.api-keys=sk-dev",
                    "aws.bidi.realtime.default-model=assistant");

    @Test
    void aTextTurnOverTheEndpointWithoutModelUsesTheDefault() {
        contextRunner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RealtimeEndpoint.class);
            int port = ((WebServerApplicationContext) context.getSourceApplicationContext())
                    .getWebServer()
                    .getPort();
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
            Disposable socket = HttpClient.create()
                    .websocket(WebsocketClientSpec.builder()
                            .protocols("realtime,openai-insecure-api-key.sk-dev")
                            .maxFramePayloadLength(4 * 1024 * 1024)
                            .build())
                    .uri("ws://127.0.0.1:" + port + "/v1/realtime")
                    .handle((in, out) -> Mono.when(
                            in.receive()
                                    .asString()
                                    .doOnNext(text -> events.add(JSON.readTree(text)))
                                    .then(),
                            out.sendString(outgoing.asFlux()).then()))
                    .subscribe();
            try {
                outgoing.tryEmitNext("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\","
                        + "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Hello there\"}]}}");
                outgoing.tryEmitNext("{\"type\":\"response.create\"}");
                Awaitility.await()
                        .atMost(TIMEOUT)
                        .until(() -> events.stream()
                                .anyMatch(event -> event.path("type").asString().equals("response.done")));
                assertThat(events.get(0).path("type").asString()).isEqualTo("session.created");
                assertThat(events.get(0).at("/session/model").asString()).isEqualTo("assistant");
                assertThat(events)
                        .filteredOn(event -> event.path("type").asString().equals("response.done"))
                        .first()
                        .satisfies(
                                done -> assertThat(done.at("/response/status").asString())
                                        .isEqualTo("completed"));
                assertThat(events)
                        .anyMatch(event -> event.path("type").asString().equals("response.output_audio.delta"));
            } finally {
                socket.dispose();
            }
        });
    }

    @Test
    void unknownModelIs404AndAWrongKeyIs401() {
        contextRunner.withBean(SimpleMeterRegistry.class).run(context -> {
            int port = ((WebServerApplicationContext) context.getSourceApplicationContext())
                    .getWebServer()
                    .getPort();
            Refusal unknown = upgrade(port, "?model=nope", "Bearer sk-dev");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(JSON.readTree(unknown.body()).at("/error/code").asString())
                    .isEqualTo("model_not_found");
            Refusal wrongKey = upgrade(port, "?model=assistant", "Bearer sk-wrong");
            assertThat(wrongKey.status()).isEqualTo(401);
            assertThat(JSON.readTree(wrongKey.body()).at("/error/code").asString())
                    .isEqualTo("invalid_api_key");
            SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
            assertThat(registry.get("aws.bidi.admission.refused")
                            .tag("surface", "realtime")
                            .tag("reason", "unauthorized")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void theApplicationsAuthenticatorWins() {
        RealtimeAuthenticator own = (key, exchange) -> Mono.just("everyone");
        contextRunner
                .withPropertyValues("aws.bidi.realtime.api-keys=")
                .withBean(RealtimeAuthenticator.class, () -> own)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .getBean(RealtimeAuthenticator.class)
                        .isSameAs(own));
    }

    @Test
    void withoutTheRealtimeModuleOrWhenDisabledThereIsNoEndpoint() {
        contextRunner
                .withClassLoader(new FilteredClassLoader(RealtimeSession.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeEndpoint.class));
        contextRunner
                .withPropertyValues("aws.bidi.realtime.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeEndpoint.class));
    }

    @Test
    void aDefaultModelThatNamesNoNovaSonicSessionFailsStartupNamingTheProperty() {
        contextRunner
                .withPropertyValues("aws.bidi.realtime.default-model=nobody")
                .run(context -> {
                    assertThat(context).hasFailed();
                    AwsBidiConfigurationException cause = cause(context.getStartupFailure());
                    assertThat(cause.property()).isEqualTo("aws.bidi.realtime.default-model");
                    FailureAnalysis analysis = new FailureAnalysis(cause.description(), cause.action(), cause);
                    assertThat(analysis.getDescription()).contains("nobody");
                });
    }

    @Test
    void noKeysFailStartupNamingTheProperty() {
        contextRunner.withPropertyValues("aws.bidi.realtime.api-keys=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(cause(context.getStartupFailure()).property()).isEqualTo("aws.bidi.realtime.api-keys");
        });
    }

    @Test
    void aShortSigningKeyFailsStartupNamingTheProperty() {
        contextRunner
                .withPropertyValues("aws.bidi.realtime.client-secrets.signing-key=short")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context.getStartupFailure()).property())
                            .isEqualTo("aws.bidi.realtime.client-secrets.signing-key");
                });
    }

    @Test
    void theCallLimitsComeFromThePropertiesAndANonPositiveDurationFailsStartupNamingIt() {
        contextRunner
                .withPropertyValues(
                        "aws.bidi.realtime.max-call-duration=7m",
                        "aws.bidi.realtime.idle-timeout=45s",
                        "aws.bidi.realtime.max-message-size=32KB")
                .run(context -> assertThat(context.getBean(RealtimeProperties.class))
                        .satisfies(properties -> {
                            assertThat(properties.getMaxCallDuration()).isEqualTo(java.time.Duration.ofMinutes(7));
                            assertThat(properties.getIdleTimeout()).isEqualTo(java.time.Duration.ofSeconds(45));
                        }));
        contextRunner.run(
                context -> assertThat(context.getBean(RealtimeProperties.class).getMaxCallDuration())
                        .isEqualTo(java.time.Duration.ofMinutes(30)));
        contextRunner
                .withPropertyValues("aws.bidi.realtime.max-call-duration=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context.getStartupFailure()).property())
                            .isEqualTo("aws.bidi.realtime.max-call-duration");
                });
    }

    @Test
    void aTypoUnderRealtimeFailsStartup() {
        contextRunner
                .withPropertyValues("aws.bidi.realtime.max-sesions-per-key=3")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context.getStartupFailure()).getMessage()).contains("max-sesions-per-key");
                });
    }

    private static AwsBidiConfigurationException cause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof AwsBidiConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an AwsBidiConfigurationException in %s", failure).isNotNull();
        return (AwsBidiConfigurationException) cause;
    }

    private static Refusal upgrade(int port, String query, String authorization) {
        return HttpClient.create()
                .headers(headers -> headers.add("Authorization", authorization)
                        .add("Connection", "Upgrade")
                        .add("Upgrade", "websocket")
                        .add("Sec-WebSocket-Version", "13")
                        .add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                        .add("Sec-WebSocket-Protocol", "realtime"))
                .get()
                .uri("http://127.0.0.1:" + port + "/v1/realtime" + query)
                .responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Refusal(response.status().code(), text)))
                .block(TIMEOUT);
    }

    private record Refusal(int status, String body) {}
}
