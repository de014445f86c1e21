package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Sinks;

/**
 * A {@link StreamTransport} whose calls follow a script, one step per attempt, so the exchange engine's attempt,
 * retry and end-of-stream logic can be tested without a network. It behaves like the SDK where it matters: it
 * subscribes to the request publisher, asks for frames, and reports through the callbacks.
 */
final class ScriptedTransport implements StreamTransport<Frame> {

    /** One attempt's behaviour. */
    interface Step {
        void run(Call call);
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private @Nullable String endFrame;
    private java.net.@Nullable URI endpoint;

    ScriptedTransport then(Step step) {
        steps.add(step);
        return this;
    }

    /** The endpoint the transport says it connects to. */
    ScriptedTransport connectsTo(java.net.URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    @Override
    public java.net.@Nullable URI connectEndpoint() {
        return endpoint;
    }

    /** Frames whose text is {@code text} ask the service to end the stream. */
    ScriptedTransport endsOn(String text) {
        this.endFrame = text;
        return this;
    }

    /** Takes {@code frames} frames, then fails before any response header, like a refused open. */
    static Step refuse(int frames, ErrorKind kind) {
        return call -> call.take(frames, () -> call.fail(error(kind)));
    }

    /**
     * Takes {@code frames} frames, then the service refuses the stream with an HTTP error {@code status} before any
     * response header: an open refused as a whole.
     */
    static Step refuse(int frames, ErrorKind kind, int status) {
        return call -> call.take(
                frames,
                () -> call.fail(new BidiStreamException(
                        kind, true, kind.name(), status, "scripted " + kind, null, null, null)));
    }

    /** Takes {@code frames} frames, then fails with {@code error} before any response header. */
    static Step refuse(int frames, Throwable error) {
        return call -> call.take(frames, () -> call.fail(error));
    }

    /** Answers with headers and echoes every frame; ends when the requests end. */
    static Step echo() {
        return call -> {
            call.answer();
            call.echo(Integer.MAX_VALUE);
        };
    }

    /** Answers and echoes {@code frames} frames, then ends the response normally: what the SDK shows of a reset. */
    static Step quietEndAfter(int frames) {
        return call -> {
            call.answer();
            call.echo(frames);
        };
    }

    static BidiStreamException error(ErrorKind kind) {
        return new BidiStreamException(kind, true, kind.name(), null, "scripted " + kind, null, null, null);
    }

    @Override
    public Target target(ExchangeOptions options) {
        return Target.sageMaker("eu-west-1", "scripted", null);
    }

    @Override
    public void validate(ExchangeOptions options) {}

    @Override
    public boolean completesInput(Frame frame) {
        return frame.last();
    }

    @Override
    public boolean asksToEnd(Frame frame) {
        return endFrame != null && endFrame.equals(frame.asString());
    }

    @Override
    public Frame toRequestEvent(Frame frame) {
        return frame;
    }

    @Override
    public CompletableFuture<Void> invoke(
            ExchangeOptions options, Publisher<Frame> requests, ResponseCallbacks callbacks) {
        Call call = new Call(requests, callbacks);
        calls.add(call);
        Step step = steps.poll();
        if (step == null) {
            throw new AssertionError("no step scripted for attempt " + calls.size());
        }
        step.run(call);
        return call.future;
    }

    /** Like the real transports, anything it is given becomes a new typed error (so typed errors must not come here). */
    @Override
    public BidiStreamException translate(Throwable error) {
        return new BidiStreamException(
                ErrorKind.INTERNAL, false, "Translated", null, "translated " + error, error, null, null);
    }

    /** One attempt: the request frames it took and its response side. */
    static final class Call implements Subscriber<Frame> {

        final CompletableFuture<Void> future = new CompletableFuture<>();
        final List<String> taken = new ArrayList<>();
        private final Publisher<Frame> requests;
        private final ResponseCallbacks callbacks;
        private final Sinks.Many<Frame> responses = Sinks.many().unicast().onBackpressureBuffer();
        private @Nullable Subscription subscription;
        private int toTake;
        private @Nullable Runnable afterTaking;
        private boolean echoing;
        private int echoLimit;
        boolean requestsCompleted;
        boolean ignoreRequestErrors;

        @Nullable
        Throwable failure;

        Call(Publisher<Frame> requests, ResponseCallbacks callbacks) {
            this.requests = requests;
            this.callbacks = callbacks;
        }

        void take(int frames, Runnable then) {
            toTake = frames;
            afterTaking = then;
            requests.subscribe(this);
            if (frames == 0) {
                runAfterTaking();
            } else {
                subscription.request(frames);
            }
        }

        void answer() {
            headersOnly();
            callbacks.events(responses.asFlux());
        }

        void headersOnly() {
            callbacks.headers("v1", "req-1");
        }

        void echo(int limit) {
            echoing = true;
            echoLimit = limit;
            if (limit == 0) {
                endQuietly();
            }
            requests.subscribe(this);
            if (subscription != null && limit > 0) {
                subscription.request(Long.MAX_VALUE);
            }
        }

        void fail(Throwable error) {
            failure = error;
            callbacks.failed(error);
            future.completeExceptionally(error);
        }

        private void endQuietly() {
            responses.tryEmitComplete();
            future.complete(null);
            if (subscription != null) {
                subscription.cancel();
            }
        }

        private void runAfterTaking() {
            Runnable then = afterTaking;
            afterTaking = null;
            if (then != null) {
                then.run();
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(Frame frame) {
            taken.add(frame.asString());
            if (echoing) {
                if (taken.size() <= echoLimit) {
                    responses.tryEmitNext(Frame.text("echo:" + frame.asString()));
                }
                if (taken.size() == echoLimit) {
                    endQuietly();
                }
            } else if (taken.size() == toTake) {
                runAfterTaking();
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!ignoreRequestErrors) {
                responses.tryEmitError(error);
            }
        }

        @Override
        public void onComplete() {
            requestsCompleted = true;
            if (!echoing) {
                runAfterTaking();
            } else {
                responses.tryEmitComplete();
                future.complete(null);
            }
        }
    }
}
