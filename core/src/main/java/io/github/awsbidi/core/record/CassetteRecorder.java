package io.github.awsbidi.core.record;

import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Records every exchange of the sessions it listens to as one {@link Cassette} file in a directory, named
 * {@code <start time>-<session>-<exchange id prefix>.jsonl} so that a directory lists its cassettes in the order
 * they were recorded.
 * <p>
 * Frames are copied as they pass and the file is written when the exchange ends, so a recording holds the
 * whole exchange in memory: a tool for recording a session once, not for production traffic. Nothing of the
 * request's signature or credentials passes through the listener, so none can be recorded. A failure to write is
 * logged by the session and never breaks the stream.
 */
public final class CassetteRecorder implements ExchangeListener {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Function<String, @Nullable Path> directories;
    private final String description;
    private final Object key = new Object();

    /** A recorder writing every session's exchanges into {@code directory}, which is created when missing. */
    public CassetteRecorder(Path directory) {
        Objects.requireNonNull(directory, "directory");
        this.directories = session -> directory;
        this.description = directory.toString();
    }

    private CassetteRecorder(Function<String, @Nullable Path> directories, String description) {
        this.directories = directories;
        this.description = description;
    }

    /**
     * A recorder writing the exchanges of the sessions named in {@code bySession} into their directories, and those
     * of every other session into {@code others}; sessions with no directory are not recorded.
     */
    public static CassetteRecorder perSession(Map<String, Path> bySession, @Nullable Path others) {
        Map<String, Path> directories = Map.copyOf(bySession);
        return new CassetteRecorder(
                session -> directories.getOrDefault(session, others),
                directories + (others != null ? ", others: " + others : ""));
    }

    /** The directory the exchanges of that session are written to, or {@code null} when it is not recorded. */
    public @Nullable Path directory(String sessionName) {
        return directories.apply(sessionName);
    }

    @Override
    public void opened(ExchangeContext exchange) {
        Path directory = directories.apply(exchange.sessionName());
        if (directory != null) {
            exchange.attribute(key, new Recording(directory, Instant.now(), exchange.startNanos()));
        }
    }

    @Override
    public void answered(ExchangeContext exchange, long nanoTime) {
        Recording recording = recording(exchange);
        if (recording != null) {
            recording.add(new CassetteEvent.Answered(
                    recording.micros(nanoTime), exchange.invokedVariant().orElse(null)));
        }
    }

    @Override
    public void frameSent(ExchangeContext exchange, Frame frame, boolean completesInput, long nanoTime) {
        Recording recording = recording(exchange);
        if (recording != null) {
            recording.add(new CassetteEvent.Request(recording.micros(nanoTime), copy(frame)));
        }
    }

    @Override
    public void requestsCompleted(ExchangeContext exchange, long nanoTime) {
        Recording recording = recording(exchange);
        if (recording != null) {
            recording.add(new CassetteEvent.RequestsCompleted(recording.micros(nanoTime)));
        }
    }

    @Override
    public void frameReceived(ExchangeContext exchange, Frame frame, long nanoTime) {
        Recording recording = recording(exchange);
        if (recording != null) {
            recording.add(new CassetteEvent.Response(recording.micros(nanoTime), copy(frame)));
        }
    }

    @Override
    public void error(ExchangeContext exchange, ErrorKind kind, Throwable error) {
        Recording recording = recording(exchange);
        if (recording != null) {
            recording.error = RecordedError.of(kind, error);
        }
    }

    @Override
    public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
        Recording recording = recording(exchange);
        if (recording == null) {
            return;
        }
        exchange.attribute(key, null);
        recording.add(new CassetteEvent.End(
                recording.micros(nanoTime), outcome, outcome == Outcome.ERROR ? recording.error : null));
        Cassette cassette = new Cassette(
                exchange.target(),
                exchange.modelInvocationPath().orElse(null),
                exchange.modelQueryString().orElse(null),
                exchange.sessionName(),
                recording.startedAt,
                recording.events());
        write(recording.directory, cassette, fileName(exchange, recording.startedAt));
    }

    private static void write(Path directory, Cassette cassette, String fileName) {
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve(fileName),
                    cassette.toJsonLines(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cassette " + fileName + " into " + directory, e);
        }
    }

    private static String fileName(ExchangeContext exchange, Instant startedAt) {
        String session = exchange.sessionName().replaceAll("[^A-Za-z0-9._-]", "_");
        String id = exchange.id().replaceAll("[^A-Za-z0-9]", "");
        return FILE_TIME.format(startedAt) + "-" + session + "-" + id.substring(0, Math.min(8, id.length())) + ".jsonl";
    }

    private @Nullable Recording recording(ExchangeContext exchange) {
        return exchange.attribute(Recording.class, key);
    }

    /** The listener's payload view is read-only and may be reused: the recording keeps its own bytes. */
    private static Frame copy(Frame frame) {
        return new Frame(ByteBuffer.wrap(frame.toByteArray()), frame.type(), frame.last(), null);
    }

    @Override
    public String toString() {
        return "CassetteRecorder[" + description + "]";
    }

    /** One exchange being recorded; callbacks come from I/O threads in either direction. */
    private static final class Recording {
        private final Path directory;
        private final Instant startedAt;
        private final long startNanos;
        private final List<CassetteEvent> events = new ArrayList<>();
        private volatile @Nullable RecordedError error;

        Recording(Path directory, Instant startedAt, long startNanos) {
            this.directory = directory;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        long micros(long nanoTime) {
            return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanoTime - startNanos));
        }

        synchronized void add(CassetteEvent event) {
            events.add(event);
        }

        synchronized List<CassetteEvent> events() {
            return List.copyOf(events);
        }
    }
}
