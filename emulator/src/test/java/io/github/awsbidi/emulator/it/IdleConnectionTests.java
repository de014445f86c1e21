package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

/**
 * Connections that never finish a request are closed once the idle limit (here 300 ms) has passed,
 * whatever stage they stopped at; a quiet HTTP/2 stream keeps its connection open.
 */
class IdleConnectionTests {

    private static final Duration LIMIT = Duration.ofMillis(300);
    /** Generous against a busy machine; the point is that the connection does not stay open. */
    private static final int CLOSED_WITHIN_MILLIS = 10_000;

    private static final byte[] HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** An empty SETTINGS frame: length 0, type 4, no flags, stream 0. */
    private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

    private static BidiEmulator plain;
    private static BidiEmulator tls;

    @BeforeAll
    static void start() {
        plain = BidiEmulator.start(
                EmulatorConfig.builder().idleConnectionTimeout(LIMIT).build());
        tls = BidiEmulator.start(
                EmulatorConfig.builder().tls(true).idleConnectionTimeout(LIMIT).build());
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = connect(plain)) {
            assertClosedByServer(socket);
        }
    }

    @Test
    void http1GarbageThatNeverBecomesARequestIsClosed() throws IOException {
        try (Socket socket = connect(plain)) {
            socket.getOutputStream().write("GET /never-ending-garbage".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }
    }

    @Test
    void http2PrefaceWithoutAStreamIsClosed() throws IOException {
        try (Socket socket = connect(plain)) {
            socket.getOutputStream().write(HTTP2_PREFACE);
            socket.getOutputStream().write(EMPTY_SETTINGS);
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }
    }

    @Test
    void partOfThePrefaceIsClosed() throws IOException {
        try (Socket socket = connect(plain)) {
            socket.getOutputStream().write(HTTP2_PREFACE, 0, 10);
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }
    }

    @Test
    void aTlsConnectionThatNeverHandshakesIsClosed() throws IOException {
        try (Socket socket = connect(tls)) {
            assertClosedByServer(socket);
        }
    }

    @Test
    void aTlsConnectionStuckInsideItsClientHelloIsClosed() throws IOException {
        try (Socket socket = connect(tls)) {
            // A TLS 1.2 handshake record header announcing 512 bytes, and then nothing.
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01});
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }
    }

    @Test
    void aQuietStreamKeepsItsConnectionOpen() throws Exception {
        try (SdkClients clients = new SdkClients(plain)) {
            Sinks.Many<String> input = Sinks.many().unicast().onBackpressureBuffer();
            var result = Streams.bedrock(clients.bedrock, "echo-idle", input.asFlux());
            input.tryEmitNext("{\"n\":1}");
            Thread.sleep(LIMIT.multipliedBy(5).toMillis());
            input.tryEmitNext("{\"n\":2}");
            input.tryEmitComplete();

            assertThat(result.await()).containsExactly("{\"n\":1}", "{\"n\":2}");
        }
    }

    private static Socket connect(BidiEmulator emulator) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
        socket.setSoTimeout(CLOSED_WITHIN_MILLIS);
        return socket;
    }

    /** Reads (and drops, e.g. SETTINGS and GOAWAY) until the server closes; fails if it is still open after the bound. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // what the server says before closing does not matter here
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the connection was still open " + CLOSED_WITHIN_MILLIS + " ms after the " + LIMIT.toMillis()
                            + " ms idle limit",
                    e);
        } catch (SocketException e) {
            // a reset is a close too
        }
    }
}
