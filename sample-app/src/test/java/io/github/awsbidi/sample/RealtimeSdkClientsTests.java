package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.tls.EmulatorCertificate;
import io.github.awsbidi.realtime.node.NodeScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "done when": the official OpenAI Node SDK ({@code openai} 6.x, {@code new OpenAIRealtimeWS({ model:
 * "assistant" }, new OpenAI({ apiKey, baseURL }))}, which rewrites every URL to {@code wss:}) and the Agents SDK
 * ({@code session.connect({ apiKey, url })}) hold an audio conversation with the sample app, a function tool and a
 * barge-in included, with no change on their side. The app is served over TLS as the README shows it, with Boot's
 * {@code server.ssl.certificate} / {@code server.ssl.certificate-private-key} and a self-signed certificate made here;
 * node trusts it through {@code NODE_EXTRA_CA_CERTS}. The node harness and scripts are the realtime module's (its
 * test-jar). Skipped, with one printed line, where node or the npm registry is missing.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "aws.bidi.realtime.api-keys=" + RealtimeSdkClientsTests.KEY)
class RealtimeSdkClientsTests {

    static final String KEY = "sdk-test-realtime-key";

    private static final Path TLS_DIR = Path.of("target", "realtime-tls").toAbsolutePath();

    private static final EmulatorCertificate CERTIFICATE = EmulatorCertificate.generate();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(TLS_DIR);
        Path certificate = CERTIFICATE.writePem(TLS_DIR.resolve("cert.pem"));
        Path key = Files.writeString(TLS_DIR.resolve("key.pem"), privateKeyPem(CERTIFICATE), StandardCharsets.US_ASCII);
        registry.add("server.ssl.certificate", () -> "file:" + certificate);
        registry.add("server.ssl.certificate-private-key", () -> "file:" + key);
    }

    @Test
    void theOfficialOpenAiPackageHoldsAnAudioConversationWithAToolAndABargeIn() {
        Path dir = Path.of("target", "node-openai");
        Assumptions.assumeTrue(
                NodeScripts.install(dir, "RealtimeSdkClientsTests (openai)", NodeScripts.OPENAI_PACKAGES),
                "node/npm not available");
        JsonNode result =
                run(dir, NodeScripts.OPENAI_SCRIPT, "https://localhost:" + this.port + "/v1", KEY, "barge-in");

        // The spoken turn was heard and answered in audio.
        assertThat(result.path("transcripts").size()).isEqualTo(1);
        assertThat(result.path("audioBytes").asLong()).isPositive();
        // The model called the client's function; its output fed the next answer.
        assertThat(result.path("toolCalls").asInt()).isEqualTo(1);
        // Spoken answer, function call, answer with the function's output, then the answer the user talked over.
        assertThat(strings(result.path("responses")))
                .containsExactly("completed", "completed", "completed", "cancelled");
        assertThat(result.path("speechStartedInBargeIn").asBoolean()).isTrue();
        assertThat(result.at("/bargeIn/status").asString()).isEqualTo("cancelled");
        assertThat(result.at("/bargeIn/reason").asString()).isEqualTo("turn_detected");
        assertThat(strings(result.path("seen")))
                .contains(
                        "session.created",
                        "session.updated",
                        "input_audio_buffer.speech_started",
                        "conversation.item.input_audio_transcription.completed",
                        "response.output_audio.delta",
                        "response.function_call_arguments.done")
                .doesNotContain("error");
    }

    @Test
    void theAgentsSdkHoldsAnAudioConversationWithAToolAndABargeIn() {
        Path dir = Path.of("target", "node-agents");
        Assumptions.assumeTrue(
                NodeScripts.install(dir, "RealtimeSdkClientsTests (Agents SDK)", NodeScripts.AGENTS_PACKAGES),
                "node/npm not available");
        // The URL as given (no ?model=: the default model answers); wss: because the app serves TLS here.
        JsonNode result =
                run(dir, NodeScripts.AGENTS_SCRIPT, "wss://localhost:" + this.port + "/v1/realtime", KEY, "barge-in");

        assertThat(result.path("transcripts").asInt()).isEqualTo(1);
        assertThat(result.path("audioBytes").asLong()).isPositive();
        // The SDK ran its own tool once, and the answer that followed did not call it again.
        assertThat(result.path("toolRuns").asInt()).isEqualTo(1);
        List<String> responses = strings(result.path("responses"));
        assertThat(responses.subList(0, responses.size() - 1)).isNotEmpty().containsOnly("completed");
        assertThat(responses).last().isEqualTo("cancelled");
        assertThat(result.at("/bargeIn/reason").asString()).isEqualTo("turn_detected");
        // The SDK saw the barge-in as such: it stopped its playback.
        assertThat(result.path("audioInterrupted").asInt()).isPositive();
        assertThat(strings(result.path("seen")))
                .contains("input_audio_buffer.speech_started", "response.function_call_arguments.done")
                .doesNotContain("error");
    }

    private JsonNode run(Path dir, String script, String url, String key, String mode) {
        Path certificate = TLS_DIR.resolve("cert.pem");
        NodeScripts.Run node = NodeScripts.run(
                dir,
                script,
                Map.of("NODE_EXTRA_CA_CERTS", certificate.toString()),
                Duration.ofSeconds(90),
                url,
                key,
                mode);
        assertThat(node.finished()).as("node finished; stderr: %s", node.err()).isTrue();
        assertThat(node.exit()).as("node's exit; stderr: %s", node.err()).isZero();
        return JSON.readTree(node.lastLine());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** The certificate's private key as PKCS#8 PEM, as {@code server.ssl.certificate-private-key} reads it. */
    private static String privateKeyPem(EmulatorCertificate certificate) {
        for (KeyManager manager : certificate.keyManagerFactory().getKeyManagers()) {
            if (manager instanceof X509KeyManager keys) {
                String[] aliases = keys.getServerAliases("EC", null);
                if (aliases != null && aliases.length > 0) {
                    byte[] pkcs8 = keys.getPrivateKey(aliases[0]).getEncoded();
                    return "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(pkcs8)
                            + "\n-----END PRIVATE KEY-----\n";
                }
            }
        }
        throw new IllegalStateException("the certificate has no EC private key");
    }
}
