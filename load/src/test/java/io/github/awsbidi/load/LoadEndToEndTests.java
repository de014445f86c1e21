package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool as a user runs it, against the emulator over TLS (its certificate trusted with --trust) with the real SDK
 * clients: a few sessions for a few seconds to each kind of target, and the JSON report read back.
 */
class LoadEndToEndTests {

    private static BidiEmulator emulator;

    @TempDir
    Path dir;

    /** The last run's report and progress lines, to show with a failed assertion. */
    private String output = "";

    @BeforeAll
    static void startEmulator() {
        emulator = BidiEmulator.start(EmulatorConfig.builder().tls(true).build());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void sageMakerSessionsStreamAudioAndEveryFrameIsAnswered() throws Exception {
        JsonNode report = run("sagemaker:echo", 4, "3s");

        assertThat(report.path("completed").asInt()).as(output).isEqualTo(4);
        assertThat(report.path("failed").asInt()).as(output).isZero();
        assertThat(report.path("latency_kind").asString()).isEqualTo("frame");
        assertLatencies(report);
        // Every frame is echoed once, and every frame sent in the window, with all sessions open, is measured.
        JsonNode window = report.path("window");
        assertThat(window.path("seconds").asDouble()).isEqualTo(3.0);
        assertThat(window.path("open_at_start").asInt()).isEqualTo(4);
        assertThat(window.path("open_at_end").asInt()).isEqualTo(4);
        assertThat(report.path("responses").asLong())
                .isEqualTo(report.path("frames_sent").asLong());
        assertThat(report.path("latency_ms").path("count").asLong())
                .isEqualTo(window.path("frames_sent").asLong());
        assertThat(window.path("unanswered").asLong()).isZero();
        // How late the pacer sent the window's frames is measured, apart from their latency.
        assertThat(report.path("pacer_lag_ms").path("count").asLong()).isPositive();
        // The sessions streamed before and after the window too: the ramp, a second to settle, the grace.
        assertThat(report.path("frames_sent").asLong())
                .isGreaterThan(window.path("frames_sent").asLong());
    }

    @Test
    void novaSonicSessionsHoldConversationsWithTurns() throws Exception {
        JsonNode report = run("bedrock:" + EmulatorConfig.NOVA_2_5_SONIC, 3, "5s");

        assertThat(report.path("completed").asInt()).as(output).isEqualTo(3);
        assertThat(report.path("failed").asInt()).as(output).isZero();
        assertThat(report.path("latency_kind").asString()).isEqualTo("turn");
        assertLatencies(report);
        // Turn-taking happened: the assistant finished a turn, or the user's next utterance barged in on it.
        assertThat(report.path("turns").asLong() + report.path("barge_ins").asLong())
                .isPositive();
        assertThat(report.path("responses").asLong()).isPositive();
    }

    @Test
    void pollySessionsStreamTextAtTheGivenPaceAndHearEveryFlush() throws Exception {
        JsonNode report = run("polly:Joanna", 2, "3s", "--tokens-per-second", "20");

        assertThat(report.path("completed").asInt()).as(output).isEqualTo(2);
        assertThat(report.path("failed").asInt()).as(output).isZero();
        assertThat(report.path("latency_kind").asString()).isEqualTo("flush");
        assertLatencies(report);
        // A flush every 12 words; each is timed to the next audio, and one whose audio comes after a later flush is
        // timed by that later one: at most one latency per flush sent in the window.
        long windowWords = report.path("window").path("frames_sent").asLong();
        assertThat(windowWords).isPositive();
        assertThat(report.path("latency_ms").path("count").asLong()).isBetween(1L, windowWords / 12 + 2);
        assertThat(report.path("responses").asLong()).isPositive();
    }

    @Test
    void aTargetThatDoesNotExistFailsEverySessionByKind() throws Exception {
        JsonNode report = run("sagemaker:no-such-endpoint", 2, "1s");

        assertThat(report.path("completed").asInt()).as(output).isZero();
        assertThat(report.path("failed").asInt()).as(output).isEqualTo(2);
        assertThat(report.path("failed_by_kind").path("not_found").asInt()).isEqualTo(2);
        assertThat(report.path("latency_ms").isNull()).isTrue();
    }

    private static void assertLatencies(JsonNode report) {
        JsonNode latency = report.path("latency_ms");
        for (String field : new String[] {"p50", "p90", "p99", "max"}) {
            assertThat(latency.path(field).isNumber()).as(field).isTrue();
            assertThat(latency.path(field).asDouble()).as(field).isPositive();
        }
        assertThat(latency.path("p50").asDouble())
                .isLessThanOrEqualTo(latency.path("p99").asDouble());
        assertThat(latency.path("p99").asDouble())
                .isLessThanOrEqualTo(latency.path("max").asDouble());
        assertThat(report.path("first_response_ms").path("p50").isNumber()).isTrue();
        assertThat(report.path("cpu").path("process_seconds").asDouble()).isPositive();
    }

    @Test
    void theColdStartIsReportedApartAndStreamsSpreadAsAsked() throws Exception {
        JsonNode report = run(
                "bedrock:echo-load",
                4,
                "3s",
                "--cold-start",
                "1s",
                "--warmup",
                "2s",
                "--streams-per-connection",
                "2",
                "--event-loop-threads",
                "1");

        assertThat(report.path("completed").asInt()).as(output).isEqualTo(4);
        assertThat(report.path("cold_start_s").asDouble()).isEqualTo(1.0);
        long cold = report.path("cold_start_latency_ms").path("count").asLong();
        long steady = report.path("latency_ms").path("count").asLong();
        assertThat(cold).isPositive();
        assertThat(steady).isPositive();
        // A warm-up pass of as many sessions ran and ended first; the window starts after it and the cold start,
        // with the measured sessions open: no echoed frame is counted in both.
        JsonNode window = report.path("window");
        assertThat(window.path("warmup_completed").asInt()).isEqualTo(4);
        assertThat(window.path("warmup_failed").asInt()).isZero();
        assertThat(window.path("start_s").asDouble()).isGreaterThan(2.0);
        assertThat(window.path("open_at_start").asInt()).isEqualTo(4);
        assertThat(cold + steady).isLessThanOrEqualTo(report.path("responses").asLong());
        // Every stream's first response is counted once, the warm-up pass's 4 and the measured 4; the warm-up's in
        // the cold start (they all asked within 300 ms of the start).
        long coldFirst =
                report.path("cold_start_first_response_ms").path("count").asLong();
        assertThat(coldFirst).isPositive();
        assertThat(coldFirst + report.path("first_response_ms").path("count").asLong())
                .isEqualTo(8);
        assertThat(report.path("connections").asString()).isEqualTo("streams per connection: 2, event-loop threads: 1");
    }

    @Test
    void anEmulatorJarIsStartedLoadedAndItsCpuReported() throws Exception {
        Path target = Path.of("..", "emulator", "target");
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(
                            file -> file.getFileName().toString().matches("aws-bidi-emulator-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElse(null);
        } catch (java.io.IOException e) {
            jar = null;
        }
        if (jar == null) {
            System.out.println(
                    "[aws-bidi] skipped: no packaged emulator jar in " + target + " (mvn package builds it)");
            Assumptions.abort("no packaged emulator jar");
            return;
        }
        JsonNode report =
                runWith("sagemaker:echo", 2, "2s", List.of("--emulator", jar.toString(), "--cold-start", "0"));

        assertThat(report.path("completed").asInt()).as(output).isEqualTo(2);
        assertThat(report.path("endpoint").asString()).startsWith("https://127.0.0.1:");
        assertThat(report.path("emulator_cpu").path("process_seconds").asDouble())
                .isPositive();
    }

    private JsonNode run(String target, int sessions, String duration, String... extra) throws Exception {
        Path pem = emulator.certificate().writePem(dir.resolve("emulator.pem"));
        List<String> args = new ArrayList<>(List.of(
                "--endpoint",
                emulator.endpoint().toString(),
                "--trust",
                pem.toString(),
                "--credentials",
                emulator.accessKeyId() + ":" + emulator.secretAccessKey()));
        if (!List.of(extra).contains("--cold-start")) {
            // These runs are a few seconds long: all of them is steady state unless a test asks otherwise.
            args.addAll(List.of("--cold-start", "0"));
        }
        args.addAll(List.of(extra));
        return runWith(target, sessions, duration, args);
    }

    private JsonNode runWith(String target, int sessions, String duration, List<String> connection) throws Exception {
        Path json = dir.resolve("report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(connection);
        args.addAll(List.of(
                "--target",
                target,
                "--sessions",
                Integer.toString(sessions),
                "--duration",
                duration,
                "--ramp",
                "300ms",
                "--drain",
                "10s",
                "--json",
                json.toString()));
        int status = LoadMain.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        output = text + err.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .as(err.toString(StandardCharsets.UTF_8))
                .contains("aws-bidi load: " + sessions + " sessions to " + target);
        JsonNode report = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(status).as(text).isEqualTo(report.path("failed").asInt() == 0 ? 0 : 1);
        return report;
    }
}
