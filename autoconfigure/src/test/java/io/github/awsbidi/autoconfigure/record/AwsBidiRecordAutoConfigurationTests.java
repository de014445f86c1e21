package io.github.awsbidi.autoconfigure.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.record.Cassette;
import io.github.awsbidi.core.record.CassetteRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

class AwsBidiRecordAutoConfigurationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiRecordAutoConfiguration.class,
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class))
            .withPropertyValues(
                    "aws.bidi.emulator.enabled=true",
                    "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
                    "aws.bidi.bedrock.sessions.assistant.model-id=echo.assistant-v1:0");

    @Test
    void isOffByDefault() {
        this.contextRunner.run(context -> assertThat(context).doesNotHaveBean(CassetteRecorder.class));
    }

    @Test
    void recordsEveryExchangeIntoTheDirectory() {
        this.contextRunner.withPropertyValues("aws.bidi.record.dir=" + this.dir).run(context -> {
            assertThat(context).hasSingleBean(CassetteRecorder.class);
            exchange(context.getBean("echo", BidirectionalSession.class));
            exchange(context.getBean("assistant", BidirectionalSession.class));
            await().atMost(TIMEOUT).until(() -> cassettes(this.dir).size() == 2);
            assertThat(cassettes(this.dir))
                    .extracting(file -> Cassette.read(file).session())
                    .containsExactlyInAnyOrder("echo", "assistant");
        });
    }

    @Test
    void recordsOnlyTheSessionsGivenADirectory() {
        Path assistant = this.dir.resolve("assistant");
        this.contextRunner
                .withPropertyValues("aws.bidi.record.sessions.assistant.dir=" + assistant)
                .run(context -> {
                    exchange(context.getBean("echo", BidirectionalSession.class));
                    exchange(context.getBean("assistant", BidirectionalSession.class));
                    await().atMost(TIMEOUT)
                            .until(() -> Files.isDirectory(assistant)
                                    && cassettes(assistant).size() == 1);
                    assertThat(Cassette.read(cassettes(assistant).get(0)).responses())
                            .extracting(Frame::asString)
                            .containsExactly("{\"hello\":1}");
                    assertThat(cassettes(this.dir)).isEmpty();
                });
    }

    private static void exchange(BidirectionalSession session) {
        session.exchange(Flux.just(Frame.json("{\"hello\":1}"))).blockLast(TIMEOUT);
    }

    private static List<Path> cassettes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).toList();
        }
    }
}
