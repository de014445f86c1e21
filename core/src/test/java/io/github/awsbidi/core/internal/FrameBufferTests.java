package io.github.awsbidi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.subscriber.TestSubscriber;

class FrameBufferTests {

    private final FrameBuffer buffer = new FrameBuffer(
            2, frame -> frame.size() > 4 ? BidiStreamException.validation("over the limit of maxFrameBytes=4") : null);

    @Test
    void acceptsUpToCapacityThenMakesTheNextSendWait() {
        TestSubscriber<Frame> stream =
                TestSubscriber.builder().initialRequest(0).build();
        buffer.subscribe(stream);

        StepVerifier.create(buffer.send(Frame.text("a"))).verifyComplete();
        StepVerifier.create(buffer.send(Frame.text("b"))).verifyComplete();
        StepVerifier.FirstStep<Void> third = StepVerifier.create(buffer.send(Frame.text("c")));

        stream.request(1);

        third.verifyComplete();
        stream.request(5);
        assertThat(stream.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a", "b", "c");
    }

    @Test
    void refusesASecondWaitingSendInsteadOfQueueingIt() {
        buffer.subscribe(TestSubscriber.builder().initialRequest(0).build());
        buffer.send(Frame.text("a")).subscribe();
        buffer.send(Frame.text("b")).subscribe();
        buffer.send(Frame.text("c")).subscribe();

        StepVerifier.create(buffer.send(Frame.text("d")))
                .expectErrorSatisfies(error -> {
                    assertThat(error)
                            .isInstanceOf(BidiStreamException.class)
                            .hasMessageContaining("send(Frame) called while a previous send is still waiting for room "
                                    + "in the buffer of 2 frames: await each send before the next");
                    assertThat(((BidiStreamException) error).kind()).isEqualTo(ErrorKind.CLIENT);
                })
                .verify();
    }

    @Test
    void anOversizedFrameIsRejectedAloneAndNothingAcceptedIsLost() {
        TestSubscriber<Frame> stream = TestSubscriber.create();
        buffer.subscribe(stream);
        buffer.send(Frame.text("a")).subscribe();

        StepVerifier.create(buffer.send(Frame.text("too long")))
                .verifyErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                BidiStreamException.class,
                                bidi -> assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION))
                        .hasMessageContaining("maxFrameBytes=4"));
        buffer.send(Frame.text("b")).subscribe();
        buffer.complete();

        assertThat(stream.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a", "b");
        assertThat(stream.isTerminatedComplete()).isTrue();
    }

    @Test
    void completeWaitsForBufferedFramesAndRefusesLaterSends() {
        TestSubscriber<Frame> stream =
                TestSubscriber.builder().initialRequest(0).build();
        buffer.subscribe(stream);
        buffer.send(Frame.text("a")).subscribe();

        buffer.complete();

        assertThat(stream.isTerminated()).isFalse();
        StepVerifier.create(buffer.send(Frame.text("b")))
                .verifyErrorMessage("CLIENT: the exchange has ended " + "(complete() was called)");
        stream.request(1);
        assertThat(stream.isTerminatedComplete()).isTrue();
    }

    @Test
    void endingFailsTheWaitingSend() {
        buffer.subscribe(TestSubscriber.builder().initialRequest(0).build());
        buffer.send(Frame.text("a")).subscribe();
        buffer.send(Frame.text("b")).subscribe();
        StepVerifier.FirstStep<Void> waiting = StepVerifier.create(buffer.send(Frame.text("c")));

        buffer.end(BidiStreamException.validation("stream failed"));

        waiting.verifyErrorMessage("VALIDATION: stream failed");
    }

    @Test
    void aFrameSentWhileTheStreamAsksGoesOutAtOnce() {
        TestSubscriber<Frame> stream =
                TestSubscriber.builder().initialRequest(1).build();
        buffer.subscribe(stream);

        buffer.send(Frame.text("a")).subscribe();

        assertThat(stream.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
        assertThat(buffer.buffered()).isZero();
    }

    @Test
    void framesBufferedBeforeTheStreamSubscribedGoOutAndCompleteWithoutDemandForTheEnd() {
        buffer.send(Frame.text("a")).subscribe();
        buffer.complete();
        TestSubscriber<Frame> stream =
                TestSubscriber.builder().initialRequest(1).build();

        buffer.subscribe(stream);

        assertThat(stream.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
        assertThat(stream.isTerminatedComplete()).isTrue();
    }

    @Test
    void anEmptyCompletedBufferEndsAStreamThatAskedForNothing() {
        buffer.complete();
        TestSubscriber<Frame> stream =
                TestSubscriber.builder().initialRequest(0).build();

        buffer.subscribe(stream);

        assertThat(stream.isTerminatedComplete()).isTrue();
    }

    @Test
    void aRequestForNothingSendsNothing() {
        java.util.List<Frame> received = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<org.reactivestreams.Subscription> stream =
                new java.util.concurrent.atomic.AtomicReference<>();
        buffer.subscribe(new org.reactivestreams.Subscriber<Frame>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription s) {
                stream.set(s);
            }

            @Override
            public void onNext(Frame frame) {
                received.add(frame);
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {}
        });
        buffer.send(Frame.text("a")).subscribe();

        stream.get().request(0);
        stream.get().request(-1);

        assertThat(received).isEmpty();
        assertThat(buffer.buffered()).isEqualTo(1);
        stream.get().request(1);
        assertThat(received).hasSize(1);
    }

    @Test
    void cancellingTheStreamEndsTheBufferDroppingItsFramesAndFailingTheWaitingSend() {
        TestSubscriber<Frame> stream =
                TestSubscriber.builder().initialRequest(0).build();
        buffer.subscribe(stream);
        buffer.send(Frame.text("a")).subscribe();
        buffer.send(Frame.text("b")).subscribe();
        StepVerifier.FirstStep<Void> waiting = StepVerifier.create(buffer.send(Frame.text("c")));

        stream.cancel();

        waiting.expectError(BidiStreamException.class).verify();
        assertThat(buffer.buffered()).isZero();
        StepVerifier.create(buffer.send(Frame.text("d")))
                .expectError(BidiStreamException.class)
                .verify();
    }

    @Test
    void aSecondStreamIsRefused() {
        buffer.subscribe(TestSubscriber.create());
        TestSubscriber<Frame> second = TestSubscriber.create();

        buffer.subscribe(second);

        assertThat(second.expectTerminalError()).hasMessageContaining("once only");
    }
}
