package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.node.NodeScripts;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI Agents SDK ({@code @openai/agents-realtime}, its {@code RealtimeSession} unchanged) holds a spoken turn
 * and a text turn with a tool it runs itself, connected with {@code connect({ apiKey, url })} over plain {@code ws:}
 * and no {@code ?model=} (the default model answers). Skipped, with one line, where node or the npm registry is
 * missing.
 */
class AgentsSdkNodeClientTests {

    private static final Path NODE_DIR = Path.of("target", "node-agents");

    @Test
    void agentsSdkRealtimeSessionHoldsASpokenTurnAndAToolTurn() throws Exception {
        Assumptions.assumeTrue(
                NodeScripts.install(NODE_DIR, "AgentsSdkNodeClientTests", NodeScripts.AGENTS_PACKAGES),
                "node/npm not available");
        try (RealtimeFixture fixture = new RealtimeFixture()) {
            NodeScripts.Run node = NodeScripts.run(
                    NODE_DIR,
                    NodeScripts.AGENTS_SCRIPT,
                    Map.of(),
                    Duration.ofSeconds(60),
                    fixture.url(""),
                    RealtimeFixture.KEY);
            String err = node.err();
            assertThat(node.finished()).as("node finished; stderr: %s", err).isTrue();
            assertThat(node.exit()).as("node's exit; stderr: %s", err).isZero();
            JsonNode result = RealtimeJson.MAPPER.readTree(node.lastLine());
            assertThat(result.path("transcripts").asInt()).isEqualTo(1);
            assertThat(result.path("toolRuns").asInt()).isEqualTo(1);
            assertThat(result.path("audioBytes").asLong()).isPositive();
            assertThat(result.path("responses")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsOnly("completed");
        }
    }
}
