package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.protocol.RealtimeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Assumptions.assumeTrue(available(), "node/npm not available");
        try (RealtimeFixture fixture = new RealtimeFixture(options -> options, settings -> settings, true)) {
            Path pem = java.util.Objects.requireNonNull(fixture.certificate)
                    .writePem(NODE_DIR.resolve("server.pem").toAbsolutePath());
            Path script =
                    Path.of("src", "test", "node", "openai-realtime-ws.mjs").toAbsolutePath();
            Path copy = NODE_DIR.resolve("openai-realtime-ws.mjs");
            Files.copy(script, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(
                            "node", copy.getFileName().toString(), fixture.httpsBase(), RealtimeFixture.KEY)
                    .directory(NODE_DIR.toFile())
                    .redirectErrorStream(false);
            builder.environment().put("NODE_EXTRA_CA_CERTS", pem.toString());
            Process node = builder.start();
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

    /** Whether node runs and the openai package is installed (installed into target/node-openai when missing). */
    private static boolean available() throws IOException, InterruptedException {
        if (!runs(List.of("node", "--version"), Path.of("."))) {
            System.out.println("OpenAiNodeClientTests skipped: node is not on this machine");
            return false;
        }
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/openai"))
                && Files.isDirectory(NODE_DIR.resolve("node_modules/ws"))) {
            return true;
        }
        Files.createDirectories(NODE_DIR);
        Files.writeString(NODE_DIR.resolve("package.json"), "{\"name\":\"realtime-node-test\",\"private\":true}");
        if (!runs(List.of("npm", "install", "--no-audit", "--no-fund", "openai@6", "ws@8"), NODE_DIR)) {
            System.out.println("OpenAiNodeClientTests skipped: npm could not install openai@6 and ws@8");
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
