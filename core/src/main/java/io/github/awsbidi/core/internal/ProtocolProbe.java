package io.github.awsbidi.core.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * Tells why a connection closed before HTTP/2 started, which the SDK reports only as "the channel was closed before
 * the protocol could be determined": one TLS handshake to the endpoint's address says whether the server speaks TLS
 * there, which an {@code https://} endpoint needs and an {@code http://} one must not. Only the handshake happens; no
 * request or credential is ever sent, so the probe accepts any certificate (trust is the real connection's business,
 * and a certificate it rejected is reported before any probe).
 */
final class ProtocolProbe {

    private static final int TIMEOUT_MILLIS = (int) Duration.ofSeconds(2).toMillis();
    private static final long REUSE_NANOS = Duration.ofSeconds(10).toNanos();
    private static final int MAX_ADDRESSES = 256;

    /** One probe per address at a time, its result reused a while: a burst of waiting streams probes once. */
    private static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    private record Probe(CompletableFuture<Optional<String>> result, long atNanos) {}

    private ProtocolProbe() {}

    /** {@link #diagnose(URI)} run off the caller's thread, shared with other callers probing the same address. */
    static CompletableFuture<Optional<String>> diagnoseShared(@Nullable URI endpoint) {
        String address = ConnectFailures.address(endpoint);
        if (endpoint == null || address == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (PROBES.size() >= MAX_ADDRESSES) {
            PROBES.clear();
        }
        long now = System.nanoTime();
        String key = endpoint.getScheme() + "://" + address;
        return PROBES.compute(
                        key,
                        (ignored, probe) -> probe != null && now - probe.atNanos() < REUSE_NANOS
                                ? probe
                                : new Probe(
                                        CompletableFuture.supplyAsync(
                                                () -> Optional.ofNullable(diagnose(endpoint)),
                                                runnable -> Schedulers.boundedElastic()
                                                        .schedule(runnable)),
                                        now))
                .result();
    }

    /** What is wrong with {@code endpoint}'s protocol, or {@code null} when the probe cannot tell anything wrong. */
    static @Nullable String diagnose(@Nullable URI endpoint) {
        if (endpoint == null || endpoint.getHost() == null) {
            return null;
        }
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        String host = endpoint.getHost().startsWith("[")
                ? endpoint.getHost().substring(1, endpoint.getHost().length() - 1)
                : endpoint.getHost();
        String address = ConnectFailures.address(endpoint);
        Boolean tls = speaksTls(host, endpoint.getPort() >= 0 ? endpoint.getPort() : https ? 443 : 80);
        if (tls == null || address == null) {
            return null;
        }
        if (https && !tls) {
            return "the server at " + address + " does not speak TLS on that port (the TLS handshake was answered "
                    + "with something else, such as plaintext HTTP/2): for a plaintext endpoint use http://" + address
                    + ", otherwise the server's TLS port";
        }
        if (!https && tls) {
            return "the server at " + address + " speaks TLS on that port but the endpoint is plaintext: use https://"
                    + address;
        }
        return null;
    }

    /** Whether the server completes a TLS handshake; {@code null} when it cannot be reached or does not answer. */
    static @Nullable Boolean speaksTls(String host, int port) {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
        } catch (GeneralSecurityException e) {
            return null;
        }
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            raw.setSoTimeout(TIMEOUT_MILLIS);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, false)) {
                tls.startHandshake();
                return true;
            } catch (SSLException e) {
                // A TLS alert is TLS refusing this probe (e.g. a server that wants a client certificate); anything
                // else (bytes that are no TLS record, a close) means the server does not speak TLS there.
                String message = e.getMessage();
                return message != null && message.contains("fatal alert");
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Accepts any server certificate: the probe sends nothing over the connection it makes. */
    private static final class AnyCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a probe is a client");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Nothing is sent over the probe's connection: whom it reached does not matter, only that TLS answered.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
