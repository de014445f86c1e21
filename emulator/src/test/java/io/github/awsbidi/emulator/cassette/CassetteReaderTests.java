package io.github.awsbidi.emulator.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.emulator.cassette.RecordedCassette.Step;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CassetteReaderTests {

    private static final String HEADER = "{\"format\":\"aws-bidi-cassette\",\"version\":1,\"service\":\"sagemaker\","
            + "\"region\":\"eu-west-1\",\"resource\":\"asr\",\"variant\":\"v-2\",\"modelInvocationPath\":\"v1/listen\","
            + "\"modelQueryString\":\"a=1\",\"session\":\"s\",\"recordedAt\":\"2026-11-30T15:00:00Z\",\"future\":{}}\n";

    @Test
    void readsEveryEventAndIgnoresUnknownMembers() {
        RecordedCassette cassette = CassetteReader.parse(
                HEADER
                        + "{\"atMicros\":5,\"event\":\"answered\",\"invokedVariant\":null}\n\n"
                        + "{\"atMicros\":6,\"event\":\"request\",\"dataType\":\"BINARY\",\"completion\":\"PARTIAL\",\"size\":3,"
                        + "\"payload\":\"AP8H\",\"padding\":\"xx\"}\n"
                        + "{\"atMicros\":7,\"event\":\"response\",\"dataType\":\"UTF8\",\"completion\":\"COMPLETE\","
                        + "\"payload\":\"aMOp\"}\n"
                        + "{\"atMicros\":8,\"event\":\"requestsCompleted\"}\n"
                        + "{\"atMicros\":9,\"event\":\"end\",\"outcome\":\"error\",\"error\":{\"kind\":\"THROTTLING\","
                        + "\"awsErrorType\":\"ThrottlingException\",\"status\":429,\"message\":\"slow down\"}}\n",
                "t.jsonl");

        assertThat(cassette.service()).isEqualTo("sagemaker");
        assertThat(cassette.resource()).isEqualTo("asr");
        assertThat(cassette.variant()).isEqualTo("v-2");
        assertThat(cassette.invocationPath()).isEqualTo("v1/listen");
        assertThat(cassette.queryString()).isEqualTo("a=1");
        assertThat(cassette.answered()).isEqualTo(new Step.Answered(5, null));
        assertThat(cassette.requests()).singleElement().satisfies(request -> {
            assertThat(request.payload()).containsExactly(0, -1, 7);
            assertThat(request.shape()).isEqualTo("BINARY, PARTIAL, 3 bytes");
        });
        assertThat(cassette.steps().get(2)).isInstanceOfSatisfying(Step.Frame.class, response -> {
            assertThat(response.request()).isFalse();
            assertThat(new String(response.payload(), StandardCharsets.UTF_8)).isEqualTo("hé");
        });
        assertThat(cassette.end())
                .isEqualTo(new Step.End(
                        9,
                        "error",
                        new RecordedCassette.Error("THROTTLING", null, "ThrottlingException", 429, "slow down")));
    }

    @Test
    void badCassettesFailNamingTheSourceLineAndMember() {
        assertThatThrownBy(() -> CassetteReader.parse("\n \n", "e.jsonl")).hasMessage("cassette e.jsonl is empty");
        assertThatThrownBy(() -> CassetteReader.parse(HEADER.replace("\"version\":1", "\"version\":2"), "f"))
                .hasMessage("cassette f line 1: 'version' must be 1 (the only version this emulator reads)");
        assertThatThrownBy(() -> CassetteReader.parse(HEADER.replace("aws-bidi-cassette", "vcr"), "f"))
                .hasMessage("cassette f line 1: 'format' must be 'aws-bidi-cassette'");
        assertThatThrownBy(() -> CassetteReader.parse(HEADER + "[1]\n", "f"))
                .hasMessage("cassette f line 2 is not a JSON object");
        assertThatThrownBy(() -> CassetteReader.parse(HEADER + "{\"atMicros\":1.5,\"event\":\"x\"}\n", "f"))
                .hasMessage("cassette f line 2: 'atMicros' must be an integer");
        assertThatThrownBy(() -> CassetteReader.parse(
                        HEADER + "{\"atMicros\":1,\"event\":\"request\",\"dataType\":"
                                + "\"UTF8\",\"completion\":\"COMPLETE\",\"size\":2,\"payload\":\"AP8H\"}\n",
                        "f"))
                .hasMessage("cassette f line 2: 'size' says 2 but the payload has 3 bytes");
        assertThatThrownBy(() -> CassetteReader.parse(
                        HEADER + "{\"atMicros\":1,\"event\":\"end\",\"outcome\":" + "\"error\"}\n", "f"))
                .hasMessage("cassette f line 2: 'error' is required (an object) when the outcome is error");
        assertThatThrownBy(() -> CassetteReader.parse(
                        HEADER + "{\"atMicros\":1,\"event\":\"end\",\"outcome\":"
                                + "\"error\",\"error\":{\"kind\":\"X\"}}\n",
                        "f"))
                .hasMessage("cassette f line 2: 'message' is required");
    }
}
