package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoContainerTests {

    private static EventLoopGroup group;
    private static BuiltInContainerServer server;

    private final RecordingListener listener = new RecordingListener();
    private @Nullable ContainerConnection connection;

    @BeforeAll
    static void startContainer() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = BuiltInContainerServer.start(BuiltInModel.ECHO, group);
    }

    @AfterAll
    static void stopContainer() {
        server.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void abortConnection() {
        if (connection != null) {
            connection.abort();
        }
    }

    private ContainerConnection connect(@Nullable String path, @Nullable String query) throws Exception {
        connection = ModelContainerClient.connect(group, server.baseUri(), path, query, listener, Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
        return connection;
    }

    @Test
    void echoesAUtf8Frame() throws Exception {
        connect(null, null).send(ContainerFrame.utf8("{\"hello\":\"wörld\"}")).get(5, TimeUnit.SECONDS);

        assertThat(listener.nextFrame()).isEqualTo(ContainerFrame.utf8("{\"hello\":\"wörld\"}"));
    }

    @Test
    void echoesABinaryFrame() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0xFE};
        connect(null, null).send(ContainerFrame.binary(bytes)).get(5, TimeUnit.SECONDS);

        assertThat(listener.nextFrame()).isEqualTo(ContainerFrame.binary(bytes.clone()));
    }

    @Test
    void echoesAFragmentedMessageAsThreePartsWithTheFirstFragmentsType() throws Exception {
        ContainerConnection open = connect(null, null);
        open.send(ContainerFrame.utf8("{\"a\":", false)).get(5, TimeUnit.SECONDS);
        // A later part's declared type does not matter: it continues the open message.
        open.send(ContainerFrame.binary("1,".getBytes(), false)).get(5, TimeUnit.SECONDS);
        open.send(ContainerFrame.utf8("\"b\":2}", true)).get(5, TimeUnit.SECONDS);

        assertThat(listener.nextFrames(3))
                .containsExactly(
                        ContainerFrame.utf8("{\"a\":", false),
                        ContainerFrame.utf8("1,", false),
                        ContainerFrame.utf8("\"b\":2}", true));
    }

    @Test
    void echoesAOneMebibyteBinaryFrameIntact() throws Exception {
        byte[] bytes = new byte[1024 * 1024];
        new Random(42).nextBytes(bytes);
        connect(null, null).send(ContainerFrame.binary(bytes)).get(10, TimeUnit.SECONDS);

        ContainerFrame echoed = listener.nextFrame();
        assertThat(echoed.type()).isEqualTo(PayloadType.BINARY);
        assertThat(echoed.last()).isTrue();
        assertThat(echoed.payload()).isEqualTo(bytes);
    }

    @Test
    void describeReportsTheInvocationPathAndQueryString() throws Exception {
        connect("v1/listen", "model=nova-3&language=en").send(ContainerFrame.utf8("{\"type\":\"Describe\"}"));

        assertThat(listener.nextText())
                .isEqualTo("{\"type\":\"Describe\",\"path\":\"/v1/listen\",\"query\":\"model=nova-3&language=en\"}");
    }

    @Test
    void describeReportsTheDefaultPathWithoutQuery() throws Exception {
        connect(null, null).send(ContainerFrame.utf8("{\"type\":\"Describe\"}"));

        assertThat(listener.nextText())
                .isEqualTo("{\"type\":\"Describe\",\"path\":\"/invocations-bidirectional-stream\",\"query\":\"\"}");
    }

    @Test
    void closeHookReachesTheListenerAsOnClose() throws Exception {
        connect(null, null)
                .send(ContainerFrame.utf8("{\"type\":\"Close\",\"code\":1011,\"reason\":\"model crashed\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.closed() != null);
        assertThat(listener.closed()).isEqualTo(new RecordingListener.Closed(1011, "model crashed"));
        assertThat(listener.failure()).isNull();
        assertThat(listener.terminalCallbacks()).isEqualTo(1);
    }

    @Test
    void closeHookWithAnInvalidCodeAnswersAnError() throws Exception {
        connect(null, null).send(ContainerFrame.utf8("{\"type\":\"Close\",\"code\":1005}"));

        assertThat(listener.nextText()).startsWith("{\"type\":\"Error\",\"message\":\"Close hook: 'code'");
    }

    @Test
    void sendAfterLocalCloseFails() throws Exception {
        ContainerConnection open = connect(null, null);
        open.close(1000, "done");

        assertThat(open.send(ContainerFrame.utf8("late"))).failsWithin(Duration.ofSeconds(5));
        assertThat(listener.terminalCallbacks()).isZero();
    }

    @Test
    void pingAnswersOk() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ping"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void otherHttpRequestsAreNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/invocations"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void malformedUpgradeIsABadRequest() throws Exception {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream()
                    .write(("GET /v1/listen HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
        }
    }
}
