package io.github.awsbidi.realtime.webflux;

import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.novasonic.NovaSonicOptions;
import io.github.awsbidi.emulator.tls.EmulatorCertificate;
import io.github.awsbidi.novasonic.ConversationListener;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.RenewalCause;
import io.github.awsbidi.realtime.ClientSecrets;
import io.github.awsbidi.realtime.RealtimeListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The scripted Nova Sonic in the emulator, a real Bedrock session and NovaSonic client on it (model name
 * {@code assistant}), and the realtime endpoint served by Reactor Netty on a loopback port, accepting key
 * {@value #KEY}.
 */
final class RealtimeFixture implements AutoCloseable {

    static final String KEY = "sk-test-key";

    /** 256 KiB per message, a minute of silence, ten minutes per call. */
    static final SocketLimits.Limits LIMITS =
            new SocketLimits.Limits(256 * 1024, Duration.ofMinutes(1), Duration.ofMinutes(10), "test");

    /** The client-secret signing key every instance of the "fleet" shares. */
    static final byte[] SIGNING_KEY =
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final BidiEmulator emulator;
    final NovaSonic novaSonic;
    final List<String> refusals = new CopyOnWriteArrayList<>();

    /** Every stream renewal of every conversation, in order. */
    final List<RenewalCause> renewals = new CopyOnWriteArrayList<>();

    private final BidiClientFactory clients;
    private final DisposableServer server;
    private final List<DisposableServer> otherInstances = new CopyOnWriteArrayList<>();

    /** The server's certificate when it serves TLS, else null. */
    final @Nullable EmulatorCertificate certificate;

    RealtimeFixture(
            UnaryOperator<NovaSonicOptions.Builder> options, UnaryOperator<NovaSonicSettings.Builder> settings) {
        this(options, settings, false);
    }

    RealtimeFixture(
            UnaryOperator<NovaSonicOptions.Builder> options,
            UnaryOperator<NovaSonicSettings.Builder> settings,
            boolean tls) {
        emulator = BidiEmulator.start(EmulatorConfig.builder()
                .bedrockModel(
                        EmulatorConfig.NOVA_2_SONIC,
                        BedrockModel.scriptedNovaSonic()
                                .withNovaSonic(
                                        options.apply(NovaSonicOptions.builder().timeScale(0.05))
                                                .build()))
                .build());
        clients = BidiClientFactory.create();
        ConnectionSettings connection = ConnectionSettings.defaults()
                .withRegion(Region.of(emulator.region()))
                .withEndpointOverride(emulator.endpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
        BedrockSession session = BedrockSession.create(
                "assistant", clients.bedrock(connection), BedrockSessionSettings.of(EmulatorConfig.NOVA_2_SONIC));
        novaSonic = NovaSonic.create(
                        session, settings.apply(NovaSonicSettings.builder()).build())
                .withListener(new ConversationListener() {
                    @Override
                    public void renewed(RenewalCause cause) {
                        renewals.add(cause);
                    }
                });
        RealtimeEndpointSettings endpointSettings = new RealtimeEndpointSettings("assistant", 2, LIMITS, List.of());
        RealtimeEndpoint endpoint = new RealtimeEndpoint(
                model -> model.equals("assistant") ? novaSonic : null,
                RealtimeAuthenticator.keys(List.of(KEY)),
                endpointSettings,
                new Admission("realtime", 2, List.of(), (surface, reason) -> refusals.add(surface + ":" + reason)),
                () -> RealtimeListener.NONE,
                new ClientSecrets(SIGNING_KEY, Clock.systemUTC()),
                Duration.ofMinutes(10));
        certificate = tls ? EmulatorCertificate.generate() : null;
        HttpServer http = HttpServer.create();
        if (certificate != null) {
            EmulatorCertificate serverCertificate = certificate;
            http = http.secure(
                    spec -> spec.sslContext(Http11SslContextSpec.forServer(serverCertificate.keyManagerFactory())));
        }
        server = http.host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(
                        WebHttpHandlerBuilder.webHandler(endpoint).build()))
                .bindNow();
    }

    RealtimeFixture() {
        this(options -> options, settings -> settings);
    }

    /**
     * Starts another instance of the "fleet": its own endpoint (and its own {@link ClientSecrets}, with the same
     * signing key) on another port, over the same Nova Sonic. Returns its base URL ({@code ws://…/v1/realtime}).
     */
    String startAnotherInstance() {
        RealtimeEndpoint endpoint = new RealtimeEndpoint(
                model -> model.equals("assistant") ? novaSonic : null,
                RealtimeAuthenticator.keys(List.of(KEY)),
                new RealtimeEndpointSettings("assistant", 2, LIMITS, List.of()),
                new Admission("realtime", 2, List.of(), (surface, reason) -> refusals.add(surface + ":" + reason)),
                () -> RealtimeListener.NONE,
                new ClientSecrets(SIGNING_KEY.clone(), Clock.systemUTC()),
                Duration.ofMinutes(10));
        DisposableServer other = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(
                        WebHttpHandlerBuilder.webHandler(endpoint).build()))
                .bindNow();
        otherInstances.add(other);
        return "ws://127.0.0.1:" + other.port() + "/v1/realtime";
    }

    String url(String query) {
        return "ws://127.0.0.1:" + server.port() + "/v1/realtime" + query;
    }

    String httpsBase() {
        return "https://127.0.0.1:" + server.port() + "/v1";
    }

    String httpUrl(String query) {
        return "http://127.0.0.1:" + server.port() + "/v1/realtime" + query;
    }

    RealtimeTestClient connect() {
        return RealtimeTestClient.connect(url("?model=assistant"), KEY);
    }

    @Override
    public void close() {
        otherInstances.forEach(DisposableServer::disposeNow);
        server.disposeNow();
        clients.close();
        emulator.close();
    }
}
