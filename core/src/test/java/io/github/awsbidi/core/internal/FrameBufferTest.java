package io.github.awsbidi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.subscriber.TestSubscriber;

class FrameBufferTest {

    private final FrameBuffer buffer = new FrameBuffer(2,
            frame -> frame.size() > 4 ? BidiStreamException.validation("over the limit of maxFrameBytes=4") : null);

    @Test
    void acceptsUpToCapacityThenMakesTheNextSendWait() {
        TestSubscriber<Frame> stream = TestSubscriber.builder().initialRequest(0).build();
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
                    assertThat(error).isInstanceOf(BidiStreamException.class)
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
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(BidiStreamException.class,
                        bidi -> assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION))
                        .hasMessageContaining("maxFrameBytes=4"));
        buffer.send(Frame.text("b")).subscribe();
        buffer.complete();

        assertThat(stream.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a", "b");
        assertThat(stream.isTerminatedComplete()).isTrue();
    }

    @Test
    void completeWaitsForBufferedFramesAndRefusesLaterSends() {
        TestSubscriber<Frame> stream = TestSubscriber.builder().initialRequest(0).build();
        buffer.subscribe(stream);
        buffer.send(Frame.text("a")).subscribe();

        buffer.complete();

        assertThat(stream.isTerminated()).isFalse();
        StepVerifier.create(buffer.send(Frame.text("b"))).verifyErrorMessage("CLIENT: the exchange has ended "
                + "(complete() was called)");
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
}
