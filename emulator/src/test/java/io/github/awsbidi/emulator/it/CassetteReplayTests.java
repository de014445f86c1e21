package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.Cassettes;
import io.github.awsbidi.emulator.config.EmulatorConfigReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;

/**
 * Cassettes written here by hand in the documented format (not by the library's recorder: the emulator reads the
 * format on its own) and replayed to raw SDK clients.
 */
class CassetteReplayTests {

    @TempDir
    Path dir;

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(String service, String resource, String extra) {
        return "{\"format\":\"aws-bidi-cassette\",\"version\":1,\"service\":\"" + service
                + "\",\"region\":\"us-east-1\","
                + "\"resource\":\"" + resource + "\",\"session\":\"s\",\"recordedAt\":\"2026-11-30T15:00:00Z\"" + extra
                + "}\n";
    }

    private static String frame(long at, String event, String dataType, boolean complete, String text) {
        return "{\"atMicros\":" + at + ",\"event\":\"" + event + "\",\"dataType\":\"" + dataType
                + "\",\"completion\":\"" + (complete ? "COMPLETE" : "PARTIAL") + "\",\"payload\":\"" + b64(text)
                + "\"}\n";
    }

    /** A SageMaker transcriber: two request parts, a partial and a final transcript, 300 ms after the audio. */
    private static String transcriber() {
        return header("sagemaker", "asr", ",\"modelInvocationPath\":\"v1/listen\"")
                + "{\"atMicros\":500,\"event\":\"answered\",\"invokedVariant\":\"variant-7\"}\n"
                + frame(1_000, "request", "UTF8", true, "{\"start\":true}")
                + frame(2_000, "request", "BINARY", false, "AUDIO")
                + frame(302_000, "response", "UTF8", false, "{\"partial\":\"hel\"}")
                + frame(303_000, "response", "UTF8", true, "{\"final\":\"hello\"}")
                + "{\"atMicros\":310000,\"event\":\"requestsCompleted\"}\n"
                + "{\"atMicros\":311000,\"event\":\"end\",\"outcome\":\"completed\"}\n";
    }

    private BidiEmulator emulator(Cassettes cassettes) {
        return BidiEmulator.start(EmulatorConfig.builder().cassettes(cassettes).build());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static InvokeEndpointWithBidirectionalStreamRequest asr(String path) {
        return InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName("asr")
                .modelInvocationPath(path)
                .build();
    }

    @Test
    void sageMakerCassetteReplaysItsResponsesAtRecordedPace() throws Exception {
        write("a.jsonl", transcriber());
        try (BidiEmulator emulator =
                        emulator(Cassettes.none().withDirectory(dir).withMatching(Cassettes.Matching.EXACT));
                SdkClients clients = new SdkClients(emulator)) {
            long start = System.nanoTime();
            Streams.SageMakerResult result = Streams.sagemaker(
                    clients.sagemaker,
                    asr("v1/listen"),
                    Flux.just(
                            Streams.text("{\"start\":true}"),
                            Streams.binary("AUDIO".getBytes(StandardCharsets.UTF_8), false)));

            List<ResponsePayloadPart> parts = result.await();

            // The first transcript was recorded 300 ms after the audio; at time scale 1 it cannot come sooner.
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(250_000_000L);
            assertThat(parts)
                    .extracting(part -> part.bytes().asUtf8String())
                    .containsExactly("{\"partial\":\"hel\"}", "{\"final\":\"hello\"}");
            assertThat(parts).extracting(ResponsePayloadPart::completionState).containsExactly("PARTIAL", "COMPLETE");
            assertThat(parts).extracting(ResponsePayloadPart::dataType).containsOnly("UTF8");
            assertThat(result.response().get().invokedProductionVariant()).isEqualTo("variant-7");
        }
    }

    @Test
    void longRecordingReplaysEveryFrameAsFastAsPossible() throws Exception {
        StringBuilder cassette = new StringBuilder(header("bedrock", "chatty-model", ""))
                .append("{\"atMicros\":1,\"event\":\"answered\"}\n")
                .append(frame(2, "request", "UTF8", true, "{}"));
        for (int i = 0; i < 5_000; i++) {
            cassette.append(frame(3 + i, "response", "UTF8", true, "{\"n\":" + i + "}"));
        }
        cassette.append("{\"atMicros\":6000,\"event\":\"requestsCompleted\"}\n")
                .append("{\"atMicros\":6001,\"event\":\"end\",\"outcome\":\"completed\"}\n");
        write("chatty.jsonl", cassette.toString());
        try (BidiEmulator emulator =
                        emulator(Cassettes.none().withDirectory(dir).withTimeScale(0));
                SdkClients clients = new SdkClients(emulator)) {
            List<String> chunks = Streams.bedrock(clients.bedrock, "chatty-model", Flux.just("{}"))
                    .await();

            assertThat(chunks).hasSize(5_000).startsWith("{\"n\":0}").endsWith("{\"n\":4999}");
        }
    }

    @Test
    void divergingRequestFailsNamingTheFrameAndTheDifference() throws Exception {
        write("a.jsonl", transcriber());
        try (BidiEmulator emulator = emulator(Cassettes.none()
                        .withDirectory(dir)
                        .withMatching(Cassettes.Matching.EXACT)
                        .withTimeScale(0));
                SdkClients clients = new SdkClients(emulator)) {
            Throwable bytes = Streams.sagemaker(
                            clients.sagemaker,
                            asr("v1/listen"),
                            Streams.thenHold(
                                    Streams.text("{\"start\":true}"),
                                    Streams.binary("AUDIo".getBytes(StandardCharsets.UTF_8), false)))
                    .failure();
            Throwable size = Streams.sagemaker(
                            clients.sagemaker, asr("v1/listen"), Streams.thenHold(Streams.text("{\"start\":false}")))
                    .failure();
            Throwable extra = Streams.sagemaker(
                            clients.sagemaker,
                            asr("v1/listen"),
                            Streams.thenHold(
                                    Streams.text("{\"start\":true}"),
                                    Streams.binary("AUDIO".getBytes(StandardCharsets.UTF_8), false),
                                    Streams.text("more")))
                    .failure();
            Throwable path = Streams.sagemaker(clients.sagemaker, asr("v2/listen"), Flux.empty())
                    .failure();

            assertThat(bytes)
                    .isInstanceOfSatisfying(
                            software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelStreamErrorException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("CassetteMismatch"))
                    .hasMessageContaining(
                            "request frame 1 differs from the recording: the payloads first differ at byte 4 of 5");
            assertThat(size)
                    .hasMessageContaining("request frame 0 differs from the recording: recorded UTF8, COMPLETE, "
                            + "14 bytes, sent UTF8, COMPLETE, 15 bytes");
            assertThat(extra)
                    .hasMessageContaining(
                            "request frame 2 (UTF8, COMPLETE, 4 bytes) is one more than the 2 " + "the recording has");
            assertThat(path)
                    .isInstanceOf(AwsServiceException.class)
                    .hasMessageContaining(
                            "was recorded with X-Amzn-SageMaker-Model-Invocation-Path 'v1/listen', the request has 'v2/listen'");
        }
    }

    @Test
    void shapeMatchingAcceptsOtherBytesOfTheSameSizeAndEndingEarlyDiverges() throws Exception {
        write("a.jsonl", transcriber());
        try (BidiEmulator emulator =
                        emulator(Cassettes.none().withDirectory(dir).withTimeScale(0));
                SdkClients clients = new SdkClients(emulator)) {
            List<ResponsePayloadPart> parts = Streams.sagemaker(
                            clients.sagemaker,
                            asr("v1/listen"),
                            Flux.just(
                                    Streams.text("{\"start\":TRUE}"),
                                    Streams.binary("audio".getBytes(StandardCharsets.UTF_8), false)))
                    .await();
            Throwable early = Streams.sagemaker(
                            clients.sagemaker, asr("v1/listen"), Flux.just(Streams.text("{\"start\":true}")))
                    .failure();

            assertThat(parts).hasSize(2);
            assertThat(early)
                    .hasMessageContaining("the client ended its requests after 1 frame(s); the recording has 2"
                            + " (request frame 1 is missing)");
        }
    }

    @Test
    void bedrockCassetteReplaysChunksThenTheRecordedError() throws Exception {
        Path cassette = write(
                "nova.jsonl",
                header("bedrock", "recorded-model", "")
                        + "{\"atMicros\":100,\"event\":\"answered\"}\n"
                        + frame(200, "request", "UTF8", true, "{\"event\":{\"sessionStart\":{}}}")
                        + frame(300, "response", "UTF8", true, "{\"event\":{\"completionStart\":{}}}")
                        + "{\"atMicros\":400,\"event\":\"end\",\"outcome\":\"error\",\"error\":{\"kind\":\"MODEL_STREAM_ERROR\","
                        + "\"retryable\":true,\"code\":\"ModelStreamErrorException(500)\",\"awsErrorType\":"
                        + "\"modelStreamErrorException\",\"message\":\"the model broke\"}}\n");
        try (BidiEmulator emulator = emulator(Cassettes.none().withBedrockModel("my-model", cassette));
                SdkClients clients = new SdkClients(emulator)) {
            Streams.BedrockResult result =
                    Streams.bedrock(clients.bedrock, "my-model", Streams.thenHold("{\"event\":{\"sessionStart\":{}}}"));
            Throwable failure = result.failure();
            Throwable diverged = Streams.bedrock(clients.bedrock, "my-model", Streams.thenHold("{}"))
                    .failure();

            assertThat(result.chunks()).containsExactly("{\"event\":{\"completionStart\":{}}}");
            assertThat(failure)
                    .isInstanceOfSatisfying(
                            ModelStreamErrorException.class,
                            e -> assertThat(e.originalStatusCode()).isEqualTo(500))
                    .hasMessageContaining("the model broke");
            assertThat(diverged)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining(
                            "nova.jsonl: request "
                                    + "frame 0 differs from the recording: recorded UTF8, COMPLETE, 29 bytes, sent UTF8, COMPLETE, 2 bytes");
        }
    }

    @Test
    void refusedStreamReplaysAsTheSameRefusalAndCassettesTakeTurns() throws Exception {
        write(
                "1-refused.jsonl",
                header("bedrock", "busy-model", "")
                        + "{\"atMicros\":9000,\"event\":\"end\",\"outcome\":\"error\",\"error\":{\"kind\":\"THROTTLING\","
                        + "\"retryable\":true,\"code\":\"ThrottlingException\",\"awsErrorType\":\"ThrottlingException\","
                        + "\"status\":429,\"message\":\"Too many requests, please wait\"}}\n");
        write(
                "2-served.jsonl",
                header("bedrock", "busy-model", "")
                        + "{\"atMicros\":100,\"event\":\"answered\"}\n"
                        + frame(200, "request", "UTF8", true, "{}")
                        + frame(300, "response", "UTF8", true, "{\"ok\":1}")
                        + "{\"atMicros\":350,\"event\":\"requestsCompleted\"}\n"
                        + "{\"atMicros\":400,\"event\":\"end\",\"outcome\":\"completed\"}\n");
        try (BidiEmulator emulator =
                        emulator(Cassettes.none().withDirectory(dir).withTimeScale(0));
                SdkClients clients = new SdkClients(emulator)) {
            Throwable refused = Streams.bedrock(clients.bedrock, "busy-model", Flux.just("{}"))
                    .failure();
            List<String> served = Streams.bedrock(clients.bedrock, "busy-model", Flux.just("{}"))
                    .await();

            assertThat(refused).isInstanceOf(ThrottlingException.class).hasMessageContaining("Too many requests");
            assertThat(((AwsServiceException) refused).statusCode()).isEqualTo(429);
            assertThat(served).containsExactly("{\"ok\":1}");
        }
    }

    @Test
    void configFileServesCassettesRelativeToItsDirectory() throws Exception {
        Files.createDirectories(dir.resolve("tapes"));
        Files.writeString(dir.resolve("tapes/a.jsonl"), transcriber());
        Path config = write("emulator.json", """
                {"cassettes": {"directories": ["tapes"], "matching": "ignore", "timeScale": 0},
                 "sagemaker": {"endpoints": {"renamed": {"behaviour": "cassette", "cassette": "tapes/a.jsonl"}}}}
                """);

        EmulatorConfig read = EmulatorConfigReader.read(config);

        assertThat(read.cassettes().directories()).containsExactly(dir.resolve("tapes"));
        assertThat(read.cassettes().sagemakerEndpoints()).containsEntry("renamed", dir.resolve("tapes/a.jsonl"));
        assertThat(read.cassettes().matching()).isEqualTo(Cassettes.Matching.IGNORE);
        try (BidiEmulator emulator = BidiEmulator.start(read);
                SdkClients clients = new SdkClients(emulator)) {
            // Ignored matching: other requests, even none, still get the recorded responses.
            List<ResponsePayloadPart> parts = Streams.sagemaker(
                            clients.sagemaker,
                            InvokeEndpointWithBidirectionalStreamRequest.builder()
                                    .endpointName("renamed")
                                    .build(),
                            Flux.just(Streams.text("anything")))
                    .await();
            assertThat(parts)
                    .extracting(part -> part.bytes().asUtf8String())
                    .containsExactly("{\"partial\":\"hel\"}", "{\"final\":\"hello\"}");
        }
    }

    @Test
    void badCassetteFailsTheStartNamingFileLineAndMember() throws Exception {
        write(
                "bad.jsonl",
                header("sagemaker", "asr", "") + "{\"atMicros\":1,\"event\":\"request\",\"dataType\":"
                        + "\"UTF8\",\"completion\":\"DONE\",\"payload\":\"\"}\n");

        assertThatThrownBy(() -> emulator(Cassettes.none().withDirectory(dir)))
                .hasMessageEndingWith("bad.jsonl line 2: 'completion' must be COMPLETE or PARTIAL");
        assertThatThrownBy(() -> EmulatorConfigReader.parse(
                        "{\"bedrock\":{\"models\":{\"m\":{\"behaviour\":" + "\"cassette\",\"novaSonic\":{}}}}}"))
                .hasMessageContaining("$.bedrock.models.m.novaSonic is not a known setting");
        assertThatThrownBy(() -> emulator(Cassettes.none().withBedrockModel("m", write("sm.jsonl", transcriber()))))
                .hasMessageContaining("Bedrock model 'm': cassette")
                .hasMessageContaining("was recorded against sagemaker");
    }
}
