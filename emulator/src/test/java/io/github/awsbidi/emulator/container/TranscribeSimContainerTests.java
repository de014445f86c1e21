package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TranscribeSimContainerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EventLoopGroup group;
    private static BuiltInContainerServer server;

    private final RecordingListener listener = new RecordingListener();
    private @Nullable ContainerConnection connection;

    @BeforeAll
    static void startContainer() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = BuiltInContainerServer.start(BuiltInModel.TRANSCRIBE_SIM, group);
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

    private ContainerConnection connect(@Nullable String query) throws Exception {
        connection = ModelContainerClient.connect(
                        group, server.baseUri(), "v1/listen", query, listener, Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
        return connection;
    }

    private void send(ContainerFrame frame) throws Exception {
        assertThat(connection).isNotNull();
        connection.send(frame).get(5, TimeUnit.SECONDS);
    }

    private JsonNode nextJson() throws Exception {
        return JSON.readTree(listener.nextText());
    }

    /** 16-bit LE mono PCM of a sine at {@code amplitude} (0..1) of full scale. */
    private static byte[] sine(double hertz, int samples, int sampleRate, double amplitude) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short sample = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hertz * i / sampleRate));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    private static String transcript(JsonNode results) {
        return results.path("channel")
                .path("alternatives")
                .path(0)
                .path("transcript")
                .asString();
    }

    @Test
    void sineIsHeardAsSpeechWithPartialsThenAFinal() throws Exception {
        connect(null);
        byte[] pcm = sine(440, 16_000, 16_000, 0.5);
        send(ContainerFrame.binary(Arrays.copyOfRange(pcm, 0, 12_800), false));
        send(ContainerFrame.binary(Arrays.copyOfRange(pcm, 12_800, pcm.length), true));

        JsonNode partial = nextJson();
        assertThat(partial.path("type").asString()).isEqualTo("Results");
        assertThat(partial.path("is_final").asBoolean()).isFalse();
        assertThat(partial.path("duration").asDouble()).isEqualTo(6_400 / 16_000.0);
        assertThat(partial.path("bytes").asLong()).isEqualTo(12_800);
        assertThat(partial.path("rms").asDouble()).isCloseTo(0.5 / Math.sqrt(2), within(0.01));

        JsonNode last = nextJson();
        assertThat(last.path("is_final").asBoolean()).isTrue();
        assertThat(last.path("duration").asDouble()).isEqualTo(1.0);
        assertThat(last.path("bytes").asLong()).isEqualTo(32_000);
        assertThat(last.path("rms").asDouble()).isCloseTo(0.35, within(0.01));
        assertThat(transcript(last)).isEqualTo("heard 1.00 seconds of speech at level 0.35");
    }

    @Test
    void eachCompleteMessageIsAnUtterance() throws Exception {
        connect(null);
        send(ContainerFrame.binary(sine(440, 3_200, 16_000, 0.5)));
        send(ContainerFrame.binary(sine(440, 1_600, 16_000, 0.5)));

        assertThat(nextJson().path("duration").asDouble()).isEqualTo(0.2);
        JsonNode second = nextJson();
        assertThat(second.path("is_final").asBoolean()).isTrue();
        assertThat(second.path("duration").asDouble()).isEqualTo(0.1);
    }

    @Test
    void silenceIsHeardAsSilence() throws Exception {
        connect(null);
        send(ContainerFrame.binary(new byte[20_480]));

        JsonNode results = nextJson();
        assertThat(results.path("is_final").asBoolean()).isTrue();
        assertThat(results.path("rms").asDouble()).isZero();
        assertThat(results.path("duration").asDouble()).isEqualTo(0.64);
        assertThat(transcript(results)).isEqualTo("heard 0.64 seconds of silence");
    }

    @Test
    void sampleRateComesFromTheQueryString() throws Exception {
        connect("model=nova-3&sample_rate=8000");
        send(ContainerFrame.binary(sine(440, 8_000, 8_000, 0.5)));

        assertThat(nextJson().path("duration").asDouble()).isEqualTo(1.0);
    }

    @Test
    void invalidSampleRateClosesWithPolicyViolation() throws Exception {
        connect("sample_rate=fast");

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.closed() != null);
        assertThat(listener.closed())
                .isEqualTo(new RecordingListener.Closed(1008, "sample_rate must be an integer from 1000 to 192000"));
    }

    @Test
    void oddByteCarriesOverToTheNextFrame() throws Exception {
        connect(null);
        byte[] pcm = sine(440, 1_000, 16_000, 0.5);
        send(ContainerFrame.binary(Arrays.copyOfRange(pcm, 0, 1_001), false));
        send(ContainerFrame.binary(Arrays.copyOfRange(pcm, 1_001, pcm.length), true));

        JsonNode partial = nextJson();
        assertThat(partial.path("bytes").asLong()).isEqualTo(1_001);
        assertThat(partial.path("duration").asDouble()).isEqualTo(500 / 16_000.0);
        JsonNode last = nextJson();
        assertThat(last.path("bytes").asLong()).isEqualTo(2_000);
        assertThat(last.path("duration").asDouble()).isEqualTo(1_000 / 16_000.0);
        // Reassembling the split sample keeps the sine's level; a dropped byte would shift every later sample.
        assertThat(last.path("rms").asDouble()).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void keepAliveIsIgnoredAndInvalidJsonAnswersAnError() throws Exception {
        connect(null);
        send(ContainerFrame.utf8("{\"type\":\"KeepAlive\"}"));
        send(ContainerFrame.utf8("not json"));
        send(ContainerFrame.binary(new byte[320]));

        JsonNode error = nextJson();
        assertThat(error.path("type").asString()).isEqualTo("Error");
        assertThat(error.path("message").asString()).contains("JSON");
        assertThat(nextJson().path("type").asString()).isEqualTo("Results");
    }

    @Test
    void unknownControlMessageAnswersAnError() throws Exception {
        connect(null);
        send(ContainerFrame.utf8("{\"type\":\"Speak\"}"));

        JsonNode error = nextJson();
        assertThat(error.path("type").asString()).isEqualTo("Error");
        assertThat(error.path("message").asString()).contains("'Speak'");
    }

    @Test
    void fragmentedControlMessageIsReassembled() throws Exception {
        connect(null);
        send(ContainerFrame.utf8("{\"type\":", false));
        send(ContainerFrame.utf8("\"Nope\"}", true));

        assertThat(nextJson().path("message").asString()).contains("'Nope'");
    }

    @Test
    void closeStreamSendsMetadataThenClose1000() throws Exception {
        connect("model=nova-3");
        send(ContainerFrame.binary(sine(440, 8_000, 16_000, 0.5)));
        send(ContainerFrame.binary(new byte[16_000]));
        send(ContainerFrame.utf8("{\"type\":\"Finalize\"}"));
        send(ContainerFrame.utf8("{\"type\":\"CloseStream\"}"));

        assertThat(nextJson().path("is_final").asBoolean()).isTrue();
        assertThat(nextJson().path("is_final").asBoolean()).isTrue();
        JsonNode metadata = nextJson();
        assertThat(metadata.path("type").asString()).isEqualTo("Metadata");
        assertThat(metadata.path("path").asString()).isEqualTo("/v1/listen");
        assertThat(metadata.path("query").asString()).isEqualTo("model=nova-3");
        assertThat(metadata.path("total_duration").asDouble()).isEqualTo(1.0);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.closed() != null);
        assertThat(listener.closed()).isEqualTo(new RecordingListener.Closed(1000, "stream closed"));
        assertThat(listener.hasPendingFrames()).isFalse();
        assertThat(listener.failure()).isNull();
    }
}
