package io.github.awsbidi.emulator.sagemaker;

import io.github.awsbidi.emulator.container.ContainerConnection;
import io.github.awsbidi.emulator.container.ContainerFrame;
import io.github.awsbidi.emulator.container.ContainerListener;
import io.github.awsbidi.emulator.container.PayloadType;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.StreamContext;
import io.github.awsbidi.emulator.stream.StreamOperation;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.github.awsbidi.emulator.wire.Header;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * One SageMaker stream: each request {@code PayloadPart} becomes one WebSocket frame to the model
 * container and each container frame one response {@code PayloadPart}. A Close from the container
 * reaches the client as {@code ModelStreamError} with its code and reason; a lost container as
 * {@code InternalStreamFailure}. Request events stop being read while container writes are pending,
 * so the client's HTTP/2 window carries the container's back-pressure; and the container stops being
 * read while the client is not taking response events, so a slow client holds the container back
 * instead of filling the emulator's memory. The connection lives on the stream's event loop (see
 * {@link ContainerDirectory#connect}), so both directions run on one thread.
 */
final class ContainerBridge implements StreamOperation, ContainerListener {

    private static final int PAUSE_AT_PENDING_WRITES = 16;
    private static final int RESUME_AT_PENDING_WRITES = 4;

    /** A response part's headers, the same four lists for every frame: by UTF8 (2) plus COMPLETE (1). */
    private static final List<List<Header>> PAYLOAD_PART_HEADERS = List.of(
            payloadPartHeaders("BINARY", "PARTIAL"),
            payloadPartHeaders("BINARY", "COMPLETE"),
            payloadPartHeaders("UTF8", "PARTIAL"),
            payloadPartHeaders("UTF8", "COMPLETE"));

    private final Queue<Runnable> beforeStart = new ArrayDeque<>();
    private @Nullable ContainerConnection connection;
    private @Nullable StreamContext context;
    private int pendingWrites;
    private boolean paused;
    private boolean closingByClient;
    private boolean ended;

    void connected(ContainerConnection value) {
        connection = value;
    }

    @Override
    public void start(StreamContext value) {
        ContainerConnection container = connection();
        value.onWritabilityChanged(container::setReadable);
        synchronized (this) {
            context = value;
            while (!beforeStart.isEmpty()) {
                beforeStart.remove().run();
            }
        }
    }

    @Override
    public void onEvent(EventStreamMessage event) {
        String type = event.stringHeader(":event-type").orElse("");
        if (!type.equals("PayloadPart")) {
            context()
                    .failWithError(
                            "ValidationException", "Unknown request event type '" + type + "'; expected PayloadPart");
            connection().abort();
            return;
        }
        PayloadType payloadType;
        boolean last;
        try {
            payloadType = dataType(event.stringHeader("DataType").orElse("BINARY"));
            last = completionState(event.stringHeader("CompletionState").orElse("COMPLETE"));
        } catch (IllegalArgumentException e) {
            context()
                    .failWithError(
                            "ValidationException",
                            Objects.requireNonNullElse(e.getMessage(), "invalid DataType or CompletionState header"));
            connection().abort();
            return;
        }
        pendingWrites++;
        if (pendingWrites >= PAUSE_AT_PENDING_WRITES && !paused) {
            paused = true;
            context().pauseInput();
        }
        StreamContext stream = context();
        connection()
                .send(new ContainerFrame(event.payload(), payloadType, last))
                .whenComplete((ignored, error) -> onStreamLoop(stream, this::writeDone));
    }

    /** The connection lives on the stream's loop, so its completions normally run there already: no hop then. */
    private static void onStreamLoop(StreamContext stream, Runnable action) {
        if (stream.scheduler() instanceof EventExecutor loop && loop.inEventLoop()) {
            action.run();
        } else {
            stream.scheduler().execute(action);
        }
    }

    private void writeDone() {
        pendingWrites--;
        if (paused && pendingWrites <= RESUME_AT_PENDING_WRITES) {
            paused = false;
            context().resumeInput();
        }
    }

    @Override
    public void onInputComplete() {
        closingByClient = true;
        // The response ends once the container has answered the Close (its last frames come first).
        // Those frames were handed to the stream's event loop before the close future completed; if it
        // already has, whenComplete runs right here on that loop, so the completion is queued behind them
        // rather than run ahead of them.
        StreamContext stream = context();
        connection()
                .close(1000, "client closed the stream")
                .whenComplete((ignored, error) -> stream.scheduler()
                        .execute(() -> whenStarted(() -> context().complete())));
    }

    @Override
    public void onCancel() {
        ended = true;
        ContainerConnection current = connection;
        if (current != null) {
            current.abort();
        }
    }

    @Override
    public void onFrame(ContainerFrame frame) {
        whenStarted(() -> context().send(payloadPart(frame)));
    }

    @Override
    public void onClose(int statusCode, String reason) {
        whenStarted(() -> {
            if (closingByClient) {
                context().complete();
            } else {
                context()
                        .failWithException(
                                "ModelStreamError",
                                AwsErrors.jsonBytes(Map.of(
                                        "Message",
                                        reason.isEmpty() ? "Model container closed the connection" : reason,
                                        "ErrorCode",
                                        Integer.toString(statusCode))));
            }
        });
    }

    @Override
    public void onFailure(Throwable cause) {
        whenStarted(() -> {
            if (closingByClient) {
                context().complete();
            } else {
                context()
                        .failWithException(
                                "InternalStreamFailure",
                                AwsErrors.jsonBytes(Map.of(
                                        "Message",
                                        "Lost the connection to the model container: " + cause.getMessage())));
            }
        });
    }

    private void whenStarted(Runnable action) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (context == null) {
                beforeStart.add(action);
                return;
            }
        }
        action.run();
    }

    static EventStreamMessage payloadPart(ContainerFrame frame) {
        int index = (frame.type() == PayloadType.UTF8 ? 2 : 0) + (frame.last() ? 1 : 0);
        return new EventStreamMessage(PAYLOAD_PART_HEADERS.get(index), frame.payload());
    }

    private static List<Header> payloadPartHeaders(String dataType, String completionState) {
        return List.of(
                Header.string(":message-type", "event"),
                Header.string(":event-type", "PayloadPart"),
                Header.string(":content-type", "application/octet-stream"),
                Header.string("DataType", dataType),
                Header.string("CompletionState", completionState));
    }

    private static PayloadType dataType(String value) {
        return switch (value) {
            case "UTF8" -> PayloadType.UTF8;
            case "BINARY" -> PayloadType.BINARY;
            default -> throw new IllegalArgumentException("DataType must be UTF8 or BINARY, was '" + value + "'");
        };
    }

    private static boolean completionState(String value) {
        return switch (value) {
            case "COMPLETE" -> true;
            case "PARTIAL" -> false;
            default ->
                throw new IllegalArgumentException("CompletionState must be PARTIAL or COMPLETE, was '" + value + "'");
        };
    }

    private StreamContext context() {
        StreamContext current = context;
        if (current == null) {
            throw new IllegalStateException("stream not started");
        }
        return current;
    }

    private ContainerConnection connection() {
        ContainerConnection current = connection;
        if (current == null) {
            throw new IllegalStateException("container not connected");
        }
        return current;
    }
}
