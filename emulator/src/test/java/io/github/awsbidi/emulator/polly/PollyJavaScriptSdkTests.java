package io.github.awsbidi.emulator.polly;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS SDK for JavaScript v3's Polly client ({@code @aws-sdk/client-polly} on {@code NodeHttp2Handler}) speaks
 * through the emulator unchanged: StartSpeechSynthesisStream and DescribeVoices. Needs {@code node} and {@code npm}
 * (the packages are installed once into {@code target/node-polly}); skipped with one line where node is missing.
 */
class PollyJavaScriptSdkTests {

    private static final String CLIENT_POLLY = "@aws-sdk/client-polly@3.1142.0";

    private static final String HTTP_HANDLER = "@smithy/node-http-handler@4.14.2";

    private static final String SCRIPT = """
            import { PollyClient, StartSpeechSynthesisStreamCommand, DescribeVoicesCommand } from "@aws-sdk/client-polly";
            import { NodeHttp2Handler } from "@smithy/node-http-handler";

            const client = new PollyClient({
              region: "us-east-1",
              endpoint: process.argv[2],
              credentials: { accessKeyId: "test", secretAccessKey: "test" },
              requestHandler: new NodeHttp2Handler({ sessionTimeout: 30000 }),
            });
            async function* actions() {
              yield { TextEvent: { Text: "Hello from JavaScript. " } };
              yield { TextEvent: { Text: "Second sentence", FlushStreamConfiguration: { Force: true } } };
              yield { CloseStreamEvent: {} };
            }
            const response = await client.send(new StartSpeechSynthesisStreamCommand({
              Engine: "generative", VoiceId: "Joanna", OutputFormat: "pcm", SampleRate: "16000",
              ActionStream: actions(),
            }));
            let audio = 0;
            let characters = -1;
            for await (const event of response.EventStream) {
              if (event.AudioEvent) audio += event.AudioEvent.AudioChunk.length;
              if (event.StreamClosedEvent) characters = event.StreamClosedEvent.RequestCharacters;
            }
            const voices = await client.send(new DescribeVoicesCommand({ Engine: "generative" }));
            console.log(JSON.stringify({ audio, characters, voices: voices.Voices.map((voice) => voice.Id) }));
            client.destroy();
            process.exit(0);
            """;

    @Test
    void theJavaScriptSdkSpeaksThroughTheEmulator() throws Exception {
        if (!onPath("node") || !onPath("npm")) {
            System.out.println("PollyJavaScriptSdkTests skipped: node or npm is not on the PATH");
            Assumptions.abort("node or npm is not on the PATH");
        }
        Path dir = Path.of("target", "node-polly").toAbsolutePath();
        install(dir);
        Path script = dir.resolve("speak.mjs");
        Files.writeString(script, SCRIPT);
        try (BidiEmulator emulator = BidiEmulator.start()) {
            String output = run(
                    dir, List.of("node", script.toString(), emulator.endpoint().toString()));

            JsonNode result = JsonMapper.builder()
                    .build()
                    .readTree(output.lines()
                            .filter(line -> line.startsWith("{"))
                            .reduce((first, second) -> second)
                            .orElseThrow(() -> new AssertionError("no result from node: " + output)));
            // "Hello from JavaScript." and "Second sentence", 60 ms a character at 16 kHz, 16-bit.
            assertThat(result.get("audio").asInt()).isEqualTo((22 + 15) * 960 * 2);
            assertThat(result.get("characters").asInt()).isEqualTo(38);
            assertThat(result.get("voices").values().stream().map(JsonNode::asString))
                    .contains("Joanna")
                    .doesNotContain("Ivy");
        }
    }

    private static void install(Path dir) throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("node_modules/@aws-sdk/client-polly"))
                && Files.isDirectory(dir.resolve("node_modules/@smithy/node-http-handler"))) {
            return;
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"polly-emulator-test\",\"private\":true}");
        run(dir, List.of("npm", "install", "--no-audit", "--no-fund", CLIENT_POLLY, HTTP_HANDLER));
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "process", ".log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(process.exitValue())
                .as("%s exit status; output:%n%s", command, output)
                .isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
