package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.protocol.RealtimeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Assumptions.assumeTrue(available(), "node/npm not available");
        try (RealtimeFixture fixture = new RealtimeFixture()) {
            Path copy = NODE_DIR.resolve("agents-realtime-session.mjs");
            Files.copy(
                    Path.of("src", "test", "node", "agents-realtime-session.mjs"),
                    copy,
                    StandardCopyOption.REPLACE_EXISTING);
            Process node = new ProcessBuilder(
                            "node", copy.getFileName().toString(), fixture.url(""), RealtimeFixture.KEY)
                    .directory(NODE_DIR.toFile())
                    .start();
            boolean finished = node.waitFor(60, TimeUnit.SECONDS);
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                node.destroyForcibly();
            }
            assertThat(finished).as("node finished; stderr: %s", err).isTrue();
            assertThat(node.exitValue()).as("node's exit; stderr: %s", err).isZero();
            JsonNode result = RealtimeJson.MAPPER.readTree(
                    out.strip().lines().reduce((a, b) -> b).orElse("{}"));
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

    private static boolean available() throws InterruptedException, IOException {
        if (!runs(List.of("node", "--version"), Path.of("."))) {
            System.out.println("AgentsSdkNodeClientTests skipped: node is not on this machine");
            return false;
        }
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/@openai/agents-realtime"))) {
            return true;
        }
        Files.createDirectories(NODE_DIR);
        Files.writeString(
                NODE_DIR.resolve("package.json"),
                "{\"name\":\"realtime-agents-test\",\"private\":true,\"type\":\"module\"}");
        if (!runs(List.of("npm", "install", "--no-audit", "--no-fund", "@openai/agents-realtime", "ws@8"), NODE_DIR)) {
            System.out.println("AgentsSdkNodeClientTests skipped: npm could not install @openai/agents-realtime");
            return false;
        }
        return true;
    }

    private static boolean runs(List<String> command, Path dir) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(300, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException missing) {
            return false;
        }
    }
}
