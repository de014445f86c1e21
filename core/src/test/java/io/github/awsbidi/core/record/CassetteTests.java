package io.github.awsbidi.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.Outcome;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteTests {

    private static final Instant AT = Instant.parse("2026-11-30T15:00:00.123Z");

    private static Cassette sageMaker() {
        return new Cassette(
                Target.sageMaker("eu-west-1", "my-asr", "variant-2"),
                "v1/listen",
                "language=en&x=\"1\"",
                "transcriber",
                AT,
                List.of(
                        new CassetteEvent.Answered(812, "variant-2"),
                        new CassetteEvent.Request(1204, Frame.text("{\"type\":\"start\"}\n\u0001")),
                        new CassetteEvent.Request(
                                1300, new Frame(ByteBuffer.wrap(new byte[] {0, -1, 7}), DataType.BINARY, false, null)),
                        new CassetteEvent.Response(3500, Frame.text("héllo \u2028 wörld")),
                        new CassetteEvent.RequestsCompleted(4000),
                        new CassetteEvent.End(
                                5100,
                                Outcome.ERROR,
                                new RecordedError(
                                        ErrorKind.MODEL_STREAM_ERROR,
                                        true,
                                        "1011",
                                        "ModelStreamError",
                                        null,
                                        "container said \"no\"\tbye"))));
    }

    @Test
    void writesOneJsonObjectPerLineWithTheHeaderFirst() {
        List<String> lines = sageMaker().toJsonLines().lines().toList();

        assertThat(lines).hasSize(7);
        assertThat(lines.get(0))
                .isEqualTo("{\"format\":\"aws-bidi-cassette\",\"version\":1,\"service\":\"sagemaker\","
                        + "\"region\":\"eu-west-1\",\"resource\":\"my-asr\",\"variant\":\"variant-2\","
                        + "\"modelInvocationPath\":\"v1/listen\",\"modelQueryString\":\"language=en&x=\\\"1\\\"\","
                        + "\"session\":\"transcriber\",\"recordedAt\":\"2026-11-30T15:00:00.123Z\"}");
        assertThat(lines.get(3))
                .isEqualTo("{\"atMicros\":1300,\"event\":\"request\",\"dataType\":\"BINARY\","
                        + "\"completion\":\"PARTIAL\",\"size\":3,\"payload\":\"AP8H\"}");
        assertThat(lines.get(5)).isEqualTo("{\"atMicros\":4000,\"event\":\"requestsCompleted\"}");
        // The line separator U+2028 is escaped so that no line-oriented reader splits a line in two.
        assertThat(sageMaker().toJsonLines()).doesNotContain("\u2028");
        assertThat(lines.get(6))
                .isEqualTo("{\"atMicros\":5100,\"event\":\"end\",\"outcome\":\"error\",\"error\":{"
                        + "\"kind\":\"MODEL_STREAM_ERROR\",\"retryable\":true,\"code\":\"1011\","
                        + "\"awsErrorType\":\"ModelStreamError\",\"message\":\"container said \\\"no\\\"\\tbye\"}}");
    }

    @Test
    void readsBackWhatItWrote() {
        Cassette original = sageMaker();

        Cassette read = Cassette.parse(original.toJsonLines(), "test");

        assertThat(read.target()).isEqualTo(original.target());
        assertThat(read.modelInvocationPath()).isEqualTo("v1/listen");
        assertThat(read.modelQueryString()).isEqualTo("language=en&x=\"1\"");
        assertThat(read.session()).isEqualTo("transcriber");
        assertThat(read.recordedAt()).isEqualTo(AT);
        assertThat(read.events()).hasSize(6);
        assertThat(read.events())
                .extracting(CassetteEvent::atMicros)
                .containsExactly(812L, 1204L, 1300L, 3500L, 4000L, 5100L);
        assertThat(read.requests()).extracting(Frame::asString).first().isEqualTo("{\"type\":\"start\"}\n\u0001");
        Frame binary = read.requests().get(1);
        assertThat(binary.type()).isEqualTo(DataType.BINARY);
        assertThat(binary.last()).isFalse();
        assertThat(binary.toByteArray()).containsExactly(0, -1, 7);
        assertThat(read.responses()).extracting(Frame::asString).containsExactly("héllo \u2028 wörld");
        assertThat(read.events().get(0)).isEqualTo(new CassetteEvent.Answered(812, "variant-2"));
        assertThat(read.end()).isEqualTo(original.end());
    }

    @Test
    void bedrockCassettesLeaveAbsentMembersOut(@TempDir Path dir) {
        Cassette cassette = new Cassette(
                Target.bedrock("us-east-1", "amazon.nova-2-sonic-v1:0"),
                null,
                null,
                "voice",
                AT,
                List.of(new CassetteEvent.Answered(10, null), new CassetteEvent.End(20, Outcome.COMPLETED, null)));
        Path file = dir.resolve("c.jsonl");

        cassette.write(file);
        Cassette read = Cassette.read(file);

        assertThat(cassette.toJsonLines())
                .doesNotContain("variant")
                .doesNotContain("null")
                .doesNotContain("invokedVariant");
        assertThat(read).isEqualTo(cassette);
    }

    @Test
    void readerIgnoresUnknownMembersAndBlankLines() {
        String text = "{\"format\":\"aws-bidi-cassette\",\"version\":1,\"service\":\"bedrock\",\"region\":\"r\","
                + "\"resource\":\"m\",\"session\":\"s\",\"recordedAt\":\"2026-01-01T00:00:00Z\",\"future\":[1,2.5,"
                + "{\"x\":null}]}\n\n  {\"atMicros\":3,\"event\":\"requestsCompleted\",\"extra\":false}\n";

        Cassette read = Cassette.parse(text, "t");

        assertThat(read.events()).containsExactly(new CassetteEvent.RequestsCompleted(3));
        assertThat(read.end()).isNull();
    }

    @Test
    void badInputNamesTheLineAndMember() {
        String header = sageMaker().toJsonLines().lines().findFirst().orElseThrow() + "\n";
        assertThatThrownBy(() -> Cassette.parse("", "f.jsonl")).hasMessage("f.jsonl: empty cassette");
        assertThatThrownBy(() -> Cassette.parse(header.replace("\"version\":1", "\"version\":2"), "f"))
                .hasMessageContaining("f line 1: version 2 is not supported");
        assertThatThrownBy(() -> Cassette.parse(header.replace("sagemaker", "s3"), "f"))
                .hasMessage("f line 1: 'service' must be sagemaker, bedrock or polly");
        assertThatThrownBy(() -> Cassette.parse(
                        header + "{\"atMicros\":1,\"event\":\"request\",\"dataType\":"
                                + "\"UTF8\",\"completion\":\"COMPLETE\",\"size\":4,\"payload\":\"AP8H\"}",
                        "f"))
                .hasMessage("f line 2: 'size' is 4 but the payload has 3 bytes");
        assertThatThrownBy(() -> Cassette.parse(header + "{\"atMicros\":\"1\",\"event\":\"end\"}", "f"))
                .hasMessage("f line 2: 'atMicros' must be an integer");
        assertThatThrownBy(() -> Cassette.parse(header + "{\"atMicros\":1,", "f"))
                .hasMessageStartingWith("f line 2: invalid JSON at character 15: unexpected end of input");
        assertThatThrownBy(() -> Cassette.parse(
                        header + "{\"atMicros\":1,\"event\":\"end\",\"outcome\":\"error\","
                                + "\"error\":{\"kind\":\"OOPS\",\"message\":\"m\"}}",
                        "f"))
                .hasMessage("f line 2 error: 'kind' is not an ErrorKind");
    }

    @Test
    void jsonEscapesRoundTrip() {
        String tricky = "q\" b\\ n\n r\r t\t c\u0000 \u001f é 😀 \u2029 /";
        String json = CassetteJson.object(Map.of("k", tricky));

        assertThat(json).isEqualTo("{\"k\":\"q\\\" b\\\\ n\\n r\\r t\\t c\\u0000 \\u001f é 😀 \\u2029 /\"}");
        assertThat(CassetteJson.parseObject(json, "t")).containsEntry("k", tricky);
        assertThat(CassetteJson.parseObject("{\"a\":\"\\/\\b\\f\\u00e9\",\"n\":-12,\"d\":1e3,\"l\":[]}", "t"))
                .containsEntry("a", "/\b\féé".substring(0, 4))
                .containsEntry("n", -12L)
                .containsEntry("d", 1000.0)
                .containsEntry("l", List.of());
        assertThatThrownBy(() -> CassetteJson.parse("{\"a\":1} x", "t")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> CassetteJson.parse("\"\\x\"", "t")).hasMessageContaining("bad escape");
        assertThatThrownBy(() -> CassetteJson.parse("tru", "t")).hasMessageContaining("unexpected 't'");
    }
}
