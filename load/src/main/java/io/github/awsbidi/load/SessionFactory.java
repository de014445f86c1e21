package io.github.awsbidi.load;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicModels;
import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySessionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * One library session to the target, built the way an application builds it (core's {@link BidiClientFactory}:
 * HTTP/2, SDK retries off), and a {@link LiveSession} per simulated caller on it. Without {@code --endpoint} the
 * session goes to AWS with the SDK's default region and credentials chains: the same code path as the emulator.
 */
final class SessionFactory implements AutoCloseable {

    private final BidiClientFactory clients;
    private final BidirectionalSession session;
    private final @Nullable NovaSonic novaSonic;
    private final LoadTarget target;

    private SessionFactory(
            BidiClientFactory clients, BidirectionalSession session, @Nullable NovaSonic novaSonic, LoadTarget target) {
        this.clients = clients;
        this.session = session;
        this.novaSonic = novaSonic;
        this.target = target;
    }

    static SessionFactory create(LoadOptions options) {
        TrustManager[] trust = trust(options);
        HttpClientSettings http = HttpClientSettings.defaults()
                // Room for every session, and for renewals.
                .withMaxConcurrency(Math.max(HttpClientSettings.DEFAULT_MAX_CONCURRENCY, options.sessions() * 2))
                .withMaxStreamsPerConnection(options.streamsPerConnection())
                .withEventLoopThreads(options.eventLoopThreads())
                .withConnectTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(120));
        if (trust != null) {
            http = http.withTlsTrustManagers(() -> trust);
        }
        BidiClientFactory clients = BidiClientFactory.builder()
                .httpSettings(http)
                // Hundreds of TLS handshakes at once on a small client take longer than the SDK's 5 s default.
                .httpClientCustomizer(netty -> netty.tlsNegotiationTimeout(Duration.ofSeconds(60)))
                .build();
        ConnectionSettings connection =
                ConnectionSettings.defaults().withRegion(region(options)).withEndpointOverride(options.endpoint());
        if (options.accessKeyId() != null && options.secretAccessKey() != null) {
            connection = connection.withCredentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(options.accessKeyId(), options.secretAccessKey())));
        }
        if (options.target() instanceof LoadTarget.SageMaker sageMaker) {
            return new SessionFactory(
                    clients,
                    SageMakerSession.create(
                            "load",
                            clients.sageMaker(connection),
                            SageMakerSessionSettings.of(sageMaker.endpoint()).withTargetVariant(sageMaker.variant())),
                    null,
                    options.target());
        }
        if (options.target() instanceof LoadTarget.Polly polly) {
            return new SessionFactory(
                    clients,
                    PollySession.create(
                            "load",
                            PollySession.client(clients, connection, List.of()),
                            PollySessionSettings.of(polly.voiceId())),
                    null,
                    options.target());
        }
        LoadTarget.Bedrock bedrock = (LoadTarget.Bedrock) options.target();
        BedrockSession session = BedrockSession.create(
                "load", clients.bedrock(connection), BedrockSessionSettings.of(bedrock.modelId()));
        NovaSonic novaSonic = NovaSonicModels.isNovaSonic(bedrock.modelId()) ? NovaSonic.create(session) : null;
        return new SessionFactory(clients, session, novaSonic, options.target());
    }

    /** The connection settings a run used, in words, for its report. */
    static String connectionSettingsText(LoadOptions options) {
        Long streams = options.streamsPerConnection();
        Integer threads = options.eventLoopThreads();
        return "streams per connection: "
                + (streams != null
                        ? streams
                        : "core's default (SageMaker 1, Bedrock " + HttpClientSettings.BEDROCK_STREAMS_PER_CONNECTION
                                + ")")
                + ", event-loop threads: " + (threads != null ? threads : "the SDK's shared group");
    }

    /** Whether the sessions hold Nova Sonic conversations (turn latency) rather than frame streams. */
    boolean conversations() {
        return novaSonic != null;
    }

    /** What the run's latency measures. */
    LoadReport.LatencyKind latencyKind() {
        if (target instanceof LoadTarget.Polly) {
            return LoadReport.LatencyKind.FLUSH;
        }
        return novaSonic != null ? LoadReport.LatencyKind.TURN : LoadReport.LatencyKind.FRAME;
    }

    LiveSession newSession(Measurements measurements) {
        if (target instanceof LoadTarget.Polly polly) {
            return new SpeechSession(session, measurements, polly.tokensPerSecond());
        }
        NovaSonic conversations = novaSonic;
        return conversations != null
                ? new ConversationSession(conversations, measurements)
                : new FrameSession(session, measurements);
    }

    private static Region region(LoadOptions options) {
        if (options.region() != null) {
            return Region.of(options.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            if (options.endpoint() != null) {
                return Region.US_EAST_1; // the emulator accepts any region; this only names the signing scope
            }
            throw new InvalidOptionException(
                    "--region",
                    "not given, and the SDK's default region chain found none" + " (AWS_REGION, ~/.aws/config): "
                            + e.getMessage(),
                    e);
        }
    }

    private static TrustManager @Nullable [] trust(LoadOptions options) {
        if (options.insecure()) {
            return new TrustManager[] {new TrustingAll()};
        }
        Path pem = options.trust();
        if (pem == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("trusted", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidOptionException(
                    "--trust", "cannot read a PEM certificate from " + pem + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        clients.close();
    }

    /**
     * For --insecure only (a local emulator's self-signed certificate): accepts any server certificate and name.
     * Extended, because the JDK wraps a plain X509TrustManager with its own host name check.
     */
    private static final class TrustingAll extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusted by choice: --insecure
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // trusted by choice: --insecure
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // trusted by choice: --insecure
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
