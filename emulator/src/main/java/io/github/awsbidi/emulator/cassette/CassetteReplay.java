package io.github.awsbidi.emulator.cassette;

import io.github.awsbidi.emulator.cassette.RecordedCassette.Step;
import io.github.awsbidi.emulator.config.Cassettes.Matching;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.RequestHead;
import io.github.awsbidi.emulator.stream.StreamContext;
import io.github.awsbidi.emulator.stream.StreamOperation;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Serves one recorded exchange. The client's request frames are compared in order with the recorded ones; each
 * recorded response (and the recorded end) goes out once the client has sent as many frames as had been sent
 * before it in the recording (and has half-closed, if the recording had), after the recorded delay times the
 * time scale. A request that differs, one too many, or a half-close that comes too early ends the stream with the
 * operation's modeled error naming the frame index and what differed.
 */
final class CassetteReplay implements StreamOperation {

    private final RecordedCassette cassette;
    private final ReplayProtocol protocol;
    private final Matching matching;
    private final double timeScale;
    private final List<Step.Frame> requests;
    private final List<Output> outputs;
    private @Nullable StreamContext context;
    private int requestsSeen;
    private boolean inputComplete;
    private int cursor;
    private long lastEmittedMicros;
    private @Nullable ScheduledFuture<?> pending;
    private boolean ended;

    private CassetteReplay(RecordedCassette cassette, ReplayProtocol protocol, Matching matching, double timeScale) {
        this.cassette = cassette;
        this.protocol = protocol;
        this.matching = matching;
        this.timeScale = timeScale;
        this.requests = cassette.requests();
        this.outputs = outputs(cassette);
    }

    /** Opens a stream served by {@code cassette}, or refuses it as the recorded one was (or on differing headers). */
    static OpenDecision open(RecordedCassette cassette, Matching matching, double timeScale, RequestHead head) {
        ReplayProtocol protocol = ReplayProtocol.of(cassette.service());
        if (protocol == ReplayProtocol.SAGEMAKER && matching != Matching.IGNORE) {
            String differs = differingHeader(cassette, head);
            if (differs != null) {
                return AwsErrors.reject("ValidationError", differs);
            }
        }
        Step.Answered answered = cassette.answered();
        Step.End end = cassette.end();
        if (answered == null
                && end != null
                && end.error() != null
                && end.error().awsErrorType() != null) {
            return protocol.refuse(end.error());
        }
        if (answered == null && (end == null || end.error() == null)) {
            return AwsErrors.reject(
                    "InternalServerException",
                    "cassette " + cassette.source() + " holds no answer from the service and no error to replay");
        }
        // The answer itself comes after its recorded delay too (the service's time to open the stream).
        Faults answerDelay = answered == null || timeScale == 0
                ? Faults.none()
                : Faults.none()
                        .withFirstResponseDelay(Duration.ofNanos((long) (answered.atMicros() * 1_000 * timeScale)));
        return new OpenDecision.Open(
                new CassetteReplay(cassette, protocol, matching, timeScale),
                protocol.responseHeaders(answered == null ? null : answered.invokedVariant()),
                answerDelay);
    }

    private static @Nullable String differingHeader(RecordedCassette cassette, RequestHead head) {
        String[][] headers = {
            {"X-Amzn-SageMaker-Target-Variant", cassette.variant()},
            {"X-Amzn-SageMaker-Model-Invocation-Path", cassette.invocationPath()},
            {"X-Amzn-SageMaker-Model-Query-String", cassette.queryString()}
        };
        for (String[] header : headers) {
            String sent = head.header(header[0]).orElse(null);
            if (!Objects.equals(sent, header[1])) {
                return "cassette " + cassette.source() + " was recorded with " + header[0] + " " + describe(header[1])
                        + ", the request has " + describe(sent);
            }
        }
        return null;
    }

    private static String describe(@Nullable String value) {
        return value == null ? "none" : "'" + value + "'";
    }

    /** What the replay sends, each with what must have happened before it in the recording. */
    private static List<Output> outputs(RecordedCassette cassette) {
        List<Output> outputs = new ArrayList<>();
        int requestsBefore = 0;
        boolean completedBefore = false;
        long gateMicros = 0;
        for (Step step : cassette.steps()) {
            if (step instanceof Step.Answered answered) {
                gateMicros = answered.atMicros();
            } else if (step instanceof Step.Frame frame && frame.request()) {
                requestsBefore++;
                gateMicros = frame.atMicros();
            } else if (step instanceof Step.RequestsCompleted completed) {
                completedBefore = true;
                gateMicros = completed.atMicros();
            } else {
                outputs.add(new Output(step, requestsBefore, completedBefore, gateMicros));
            }
        }
        return outputs;
    }

    @Override
    public void start(StreamContext value) {
        context = value;
        pump();
    }

    @Override
    public void onEvent(EventStreamMessage event) {
        if (ended) {
            return;
        }
        int index = requestsSeen;
        Step.Frame sent;
        try {
            sent = protocol.decode(event);
        } catch (IllegalArgumentException e) {
            diverge("request frame " + index + ": " + e.getMessage());
            return;
        }
        if (protocol.closesInput(sent) && !(index < requests.size() && protocol.closesInput(requests.get(index)))) {
            // Polly's SDK sends CloseStreamEvent when the requests complete: the recorder saw that half-close only.
            onInputComplete();
            return;
        }
        requestsSeen++;
        if (matching != Matching.IGNORE) {
            if (index >= requests.size()) {
                diverge("request frame " + index + " (" + sent.shape() + ") is one more than the " + requests.size()
                        + " the recording has");
                return;
            }
            String difference = difference(requests.get(index), sent);
            if (difference != null) {
                diverge("request frame " + index + " differs from the recording: " + difference);
                return;
            }
        }
        pump();
    }

    private @Nullable String difference(Step.Frame recorded, Step.Frame sent) {
        if (recorded.utf8() != sent.utf8()
                || recorded.complete() != sent.complete()
                || recorded.payload().length != sent.payload().length) {
            return "recorded " + recorded.shape() + ", sent " + sent.shape();
        }
        if (matching == Matching.EXACT) {
            byte[] a = recorded.payload();
            byte[] b = sent.payload();
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return "the payloads first differ at byte " + i + " of " + a.length;
                }
            }
        }
        return null;
    }

    @Override
    public void onInputComplete() {
        if (ended || inputComplete) {
            return;
        }
        inputComplete = true;
        if (matching != Matching.IGNORE && requestsSeen < requests.size()) {
            diverge("the client ended its requests after " + requestsSeen + " frame(s); the recording has "
                    + requests.size() + " (request frame " + requestsSeen + " is missing)");
            return;
        }
        pump();
    }

    @Override
    public void onCancel() {
        ended = true;
        cancelPending();
    }

    private void diverge(String what) {
        ended = true;
        cancelPending();
        protocol.diverged(context(), "cassette " + cassette.source() + ": " + what);
    }

    /**
     * Sends every output whose turn has come, and schedules the first that must wait for its recorded delay. A loop,
     * not recursion: a fast replay of a long recording sends thousands of frames in one go.
     */
    private void pump() {
        while (!ended && pending == null && cursor < outputs.size()) {
            Output next = outputs.get(cursor);
            boolean requestsReached = matching == Matching.IGNORE || requestsSeen >= next.requestsBefore();
            if (!requestsReached || (next.completedBefore() && !inputComplete)) {
                return;
            }
            long delayMicros =
                    (long) ((next.step().atMicros() - Math.max(lastEmittedMicros, next.gateMicros())) * timeScale);
            if (delayMicros > 0) {
                pending = context()
                        .scheduler()
                        .schedule(
                                () -> {
                                    pending = null;
                                    if (!ended) {
                                        emit(next);
                                        pump();
                                    }
                                },
                                delayMicros,
                                TimeUnit.MICROSECONDS);
                return;
            }
            emit(next);
        }
    }

    private void emit(Output output) {
        cursor++;
        lastEmittedMicros = Math.max(lastEmittedMicros, output.step().atMicros());
        StreamContext stream = context();
        if (output.step() instanceof Step.Frame frame) {
            stream.send(protocol.encode(frame));
        } else if (output.step() instanceof Step.End end) {
            ended = true;
            if (end.error() != null) {
                protocol.fail(stream, end.error());
            } else if (end.outcome().equals("completed")) {
                stream.complete();
            }
            // A cancelled recording ends with nothing from the service: the client cancels again.
        }
    }

    private void cancelPending() {
        ScheduledFuture<?> task = pending;
        if (task != null) {
            task.cancel(false);
            pending = null;
        }
    }

    private StreamContext context() {
        StreamContext current = context;
        if (current == null) {
            throw new IllegalStateException("stream not started");
        }
        return current;
    }

    /**
     * One recorded response or end and what must precede it.
     *
     * @param step the response frame or the end
     * @param requestsBefore how many request frames the recording had sent before it
     * @param completedBefore whether the recording's client had half-closed before it
     * @param gateMicros when the last of those happened (or the answer, if none), from which its delay counts
     */
    private record Output(Step step, int requestsBefore, boolean completedBefore, long gateMicros) {}
}
