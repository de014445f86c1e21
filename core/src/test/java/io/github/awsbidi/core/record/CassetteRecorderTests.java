package io.github.awsbidi.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteRecorderTests {

    @TempDir
    Path dir;

    @Test
    void recordsFramesTimesAndTheErrorWithoutTheSessionPrefix() throws IOException {
        CassetteRecorder recorder = new CassetteRecorder(dir.resolve("new"));
        Context exchange = new Context("voice/1", 1_000_000);

        recorder.opened(exchange);
        recorder.frameSent(exchange, Frame.text("hi"), true, 3_000_000);
        recorder.answered(exchange, 4_000_000);
        recorder.frameReceived(exchange, Frame.text("hello"), 5_500_000);
        recorder.error(
                exchange,
                ErrorKind.MODEL_TIMEOUT,
                new BidiStreamException(
                                ErrorKind.MODEL_TIMEOUT,
                                true,
                                "ModelTimeoutException",
                                200,
                                "too long",
                                null,
                                null,
                                null)
                        .in("voice/1", exchange.target()));
        recorder.closed(exchange, Outcome.ERROR, 6_000_000);

        List<Path> files = files(dir.resolve("new"));
        assertThat(files)
                .singleElement()
                .satisfies(file -> assertThat(file.getFileName().toString())
                        .matches("\\d{8}T\\d{6}\\.\\d{3}-voice_1-abcdef12\\.jsonl"));
        Cassette cassette = Cassette.read(files.get(0));
        // Frames compare by content, so the read-back events equal fresh ones.
        assertThat(cassette.events())
                .containsExactly(
                        new CassetteEvent.Request(2_000, Frame.text("hi")),
                        new CassetteEvent.Answered(3_000, "v-2"),
                        new CassetteEvent.Response(4_500, Frame.text("hello")),
                        new CassetteEvent.End(
                                5_000,
                                Outcome.ERROR,
                                new RecordedError(
                                        ErrorKind.MODEL_TIMEOUT,
                                        true,
                                        "ModelTimeoutException",
                                        null,
                                        200,
                                        "too long")));
        assertThat(cassette.target()).isEqualTo(Target.sageMaker("eu-west-1", "asr", "v-1"));
        assertThat(Files.readString(files.get(0))).doesNotContain("not-recorded");
        assertThat(exchange.attributes).isEmpty();
    }

    @Test
    void perSessionRecordsOnlyTheSessionsItHasADirectoryFor() throws IOException {
        CassetteRecorder recorder = CassetteRecorder.perSession(Map.of("voice/1", dir.resolve("voice")), null);
        Context recorded = new Context("voice/1", 0);
        Context ignored = new Context("other", 0);

        for (Context exchange : List.of(recorded, ignored)) {
            recorder.opened(exchange);
            recorder.frameSent(exchange, Frame.text("x"), true, 10);
            recorder.closed(exchange, Outcome.CANCELLED, 20);
        }

        assertThat(files(dir.resolve("voice"))).hasSize(1);
        assertThat(recorder.directory("other")).isNull();
        assertThat(Cassette.read(files(dir.resolve("voice")).get(0)).end().outcome())
                .isEqualTo(Outcome.CANCELLED);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    /** Just enough of an exchange for the recorder. */
    private static final class Context implements ExchangeContext {
        private final String session;
        private final long start;
        final Map<Object, Object> attributes = new HashMap<>();

        Context(String session, long start) {
            this.session = session;
            this.start = start;
        }

        @Override
        public String id() {
            return "abcdef12-3456";
        }

        @Override
        public String sessionName() {
            return session;
        }

        @Override
        public Target target() {
            return Target.sageMaker("eu-west-1", "asr", "v-1");
        }

        @Override
        public long startNanos() {
            return start;
        }

        @Override
        public Optional<String> invokedVariant() {
            return Optional.of("v-2");
        }

        @Override
        public Optional<String> requestId() {
            return Optional.of("not-recorded");
        }

        @Override
        public <T> @Nullable T attribute(Class<T> type, Object key) {
            return type.cast(attributes.get(key));
        }

        @Override
        public void attribute(Object key, @Nullable Object value) {
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, value);
            }
        }
    }
}
