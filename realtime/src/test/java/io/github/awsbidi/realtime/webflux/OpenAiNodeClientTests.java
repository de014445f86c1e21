package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.node.NodeScripts;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official OpenAI Node SDK ({@code openai} 6.x, {@code OpenAIRealtimeWS}, unchanged) holds a spoken turn and a tool
 * round trip with the endpoint. Its client rewrites every URL to {@code wss:}, so the endpoint serves TLS here with a
 * self-signed certificate that node trusts through {@code NODE_EXTRA_CA_CERTS}. Skipped, with one line, where node or
 * the npm registry is missing.
 */
class OpenAiNodeClientTests {

    private static final Path NODE_DIR = Path.of("target", "node-openai");

    @Test
    void officialOpenAiRealtimeWsHoldsASpokenTurnAndAToolRoundTrip() throws Exception {
        Assumptions.assumeTrue(
                NodeScripts.install(NODE_DIR, "OpenAiNodeClientTests", NodeScripts.OPENAI_PACKAGES),
                "node/npm not available");
        try (RealtimeFixture fixture = new RealtimeFixture(options -> options, settings -> settings, true)) {
            Path pem = java.util.Objects.requireNonNull(fixture.certificate)
                    .writePem(NODE_DIR.resolve("server.pem").toAbsolutePath());
            NodeScripts.Run node = NodeScripts.run(
                    NODE_DIR,
                    NodeScripts.OPENAI_SCRIPT,
                    Map.of("NODE_EXTRA_CA_CERTS", pem.toString()),
                    Duration.ofSeconds(60),
                    fixture.httpsBase(),
                    RealtimeFixture.KEY);
            String err = node.err();
            assertThat(node.finished()).as("node finished; stderr: %s", err).isTrue();
            assertThat(node.exit()).as("node's exit; stderr: %s", err).isZero();
            JsonNode result = RealtimeJson.MAPPER.readTree(node.lastLine());
            assertThat(result.path("transcripts").size()).isEqualTo(1);
            assertThat(result.path("toolCalls").asInt()).isEqualTo(1);
            assertThat(result.path("audioBytes").asLong()).isPositive();
            assertThat(result.path("responses")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsOnly("completed")
                    .hasSize(3);
            List<String> seen =
                    result.path("seen").valueStream().map(JsonNode::asString).toList();
            assertThat(seen)
                    .contains(
                            "session.created",
                            "session.updated",
                            "input_audio_buffer.speech_started",
                            "response.output_audio.delta",
                            "response.function_call_arguments.done");
        }
    }
}
