package io.github.awsbidi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.publisher.TestPublisher;
import reactor.test.subscriber.TestSubscriber;

class RequestRelayTests {

    private final List<String> sent = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final AtomicLong requestedFromCaller = new AtomicLong();

    @Test
    void asksTheCallerForNoMoreThanTheSdkRequested() {
        Flux<Frame> caller =
                Flux.range(0, 1000).map(i -> Frame.text("f" + i)).doOnRequest(n -> requestedFromCaller.addAndGet(n));
        RequestRelay<Frame> relay = relay(caller, false);
        TestSubscriber<Frame> leg = TestSubscriber.builder().initialRequest(0).build();

        relay.newLeg().subscribe(leg);
        leg.request(3);

        assertThat(leg.getReceivedOnNext()).extracting(Frame::asString).containsExactly("f0", "f1", "f2");
        assertThat(requestedFromCaller).hasValue(3);
        leg.request(2);
        assertThat(requestedFromCaller).hasValue(5);
        assertThat(sent).hasSize(5);
    }

    @Test
    void completionOfTheCallerHalfClosesAfterEveryFrame() {
        RequestRelay<Frame> relay = relay(Flux.just(Frame.text("a"), Frame.text("b")), false);
        TestSubscriber<Frame> leg = TestSubscriber.create();

        relay.newLeg().subscribe(leg);

        assertThat(leg.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a", "b");
        assertThat(leg.isTerminatedComplete()).isTrue();
    }

    @Test
    void anAttemptThatTookNoFrameCanBeRetriedAndTheNextLegGetsEverything() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        TestSubscriber<Frame> first = TestSubscriber.builder().initialRequest(0).build();
        relay.newLeg().subscribe(first);

        assertThat(relay.canRetry()).isTrue();
        relay.detach();
        TestSubscriber<Frame> second = TestSubscriber.create();
        relay.newLeg().subscribe(second);
        caller.next(Frame.text("a")).complete();

        assertThat(first.getReceivedOnNext()).isEmpty();
        assertThat(second.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
    }

    @Test
    void framesRequestedByADeadLegWaitForTheNextOne() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        TestSubscriber<Frame> first = TestSubscriber.builder().initialRequest(2).build();
        relay.newLeg().subscribe(first);
        relay.detach();

        caller.next(Frame.text("late"));
        TestSubscriber<Frame> second =
                TestSubscriber.builder().initialRequest(1).build();
        relay.newLeg().subscribe(second);

        assertThat(first.getReceivedOnNext()).isEmpty();
        assertThat(second.getReceivedOnNext()).extracting(Frame::asString).containsExactly("late");
        caller.assertMaxRequested(2);
    }

    @Test
    void framesTheServerMayHaveSeenForbidARetryUnlessReplayIsOn() {
        RequestRelay<Frame> relay = relay(Flux.just(Frame.text("a"), Frame.text("b")), false);
        relay.newLeg().subscribe(TestSubscriber.builder().initialRequest(1).build());

        assertThat(relay.canRetry()).isFalse();
    }

    @Test
    void replayResendsUnconfirmedFramesFirstInOrder() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, true);
        TestSubscriber<Frame> first = TestSubscriber.create();
        relay.newLeg().subscribe(first);
        caller.next(Frame.text("a"), Frame.text("b"));

        assertThat(relay.canRetry()).isTrue();
        relay.detach();
        TestSubscriber<Frame> second = TestSubscriber.create();
        relay.newLeg().subscribe(second);
        caller.next(Frame.text("c"));

        assertThat(second.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a", "b", "c");
        relay.confirm();
        assertThat(relay.canRetry()).isFalse();
    }

    @Test
    void withoutReplayFramesADeadLegTookForbidEveryLaterRetry() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        relay.newLeg().subscribe(TestSubscriber.create());
        caller.next(Frame.text("a"), Frame.text("b"));

        relay.detach();

        // The frames are gone with the dead leg: a retry would go ahead without them.
        assertThat(relay.canRetry()).isFalse();
        assertThat(relay.unconfirmedFrames()).isEqualTo(2);
        TestSubscriber<Frame> second = TestSubscriber.create();
        relay.newLeg().subscribe(second);
        assertThat(relay.canRetry()).isFalse();
        assertThat(second.getReceivedOnNext()).isEmpty();
    }

    @Test
    void withReplayADetachedLegsFramesAreQueuedAgainAndCountNoMore() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, true);
        relay.newLeg().subscribe(TestSubscriber.create());
        caller.next(Frame.text("a"));

        relay.detach();

        assertThat(relay.unconfirmedFrames()).isZero();
        assertThat(relay.canRetry()).isTrue();
    }

    @Test
    void theRequestsEndOnlyOnceEveryFrameAndTheCompletionWereHandedOver() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        TestSubscriber<Frame> leg = TestSubscriber.builder().initialRequest(1).build();
        relay.newLeg().subscribe(leg);

        caller.next(Frame.text("a"));
        assertThat(relay.requestsEnded()).isFalse();
        leg.request(1);
        caller.next(Frame.text("b"));
        assertThat(relay.requestsEnded()).isFalse();
        caller.complete();
        assertThat(relay.requestsEnded()).isTrue();
        assertThat(leg.isTerminatedComplete()).isTrue();
    }

    @Test
    void aCallerThatDeliversLaterOnAnotherThreadIsStillAskedForNoMoreThanTheSdkRequested() {
        java.util.concurrent.atomic.AtomicLong outstanding = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong maxOutstanding = new java.util.concurrent.atomic.AtomicLong();
        Flux<Frame> caller = Flux.range(0, 200)
                .map(i -> Frame.text("f" + i))
                .delayElements(java.time.Duration.ofMillis(1))
                .doOnRequest(n -> maxOutstanding.accumulateAndGet(outstanding.addAndGet(n), Math::max));
        RequestRelay<Frame> relay = relay(caller, false);
        TestSubscriber<Frame> leg = TestSubscriber.builder().initialRequest(0).build();
        relay.newLeg().subscribe(leg);

        for (int granted = 4; granted <= 200; granted += 4) {
            int before = leg.getReceivedOnNext().size();
            leg.request(4);
            int expected = granted;
            await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> leg.getReceivedOnNext().size() >= expected);
            outstanding.addAndGet(-(leg.getReceivedOnNext().size() - before));
        }

        assertThat(leg.getReceivedOnNext()).hasSize(200);
        // Never more asked of the caller than the SDK had asked of the relay (4 at a time).
        assertThat(maxOutstanding.get()).isLessThanOrEqualTo(4);
        assertThat(sent).hasSize(200);
    }

    @Test
    void replayStopsBeyondItsByteLimit() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = new RequestRelay<>(caller, frame -> null, frame -> frame, true, 3, events());
        relay.newLeg().subscribe(TestSubscriber.create());

        caller.next(Frame.text("ab"), Frame.text("cd"));

        assertThat(relay.canRetry()).isFalse();
    }

    @Test
    void aFailingCallerFailsTheLegAndIsReported() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, true);
        TestSubscriber<Frame> leg = TestSubscriber.create();
        relay.newLeg().subscribe(leg);
        IllegalStateException boom = new IllegalStateException("boom");

        caller.error(boom);

        assertThat(leg.expectTerminalError()).isSameAs(boom);
        assertThat(failures).containsExactly(boom);
        assertThat(relay.requestError()).isSameAs(boom);
        assertThat(relay.canRetry()).isFalse();
    }

    @Test
    void anInvalidFrameCancelsTheCallerAndFailsTheLeg() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = new RequestRelay<>(
                caller,
                frame -> frame.size() > 2 ? BidiStreamException.validation("too big") : null,
                frame -> frame,
                false,
                0,
                events());
        TestSubscriber<Frame> leg = TestSubscriber.create();
        relay.newLeg().subscribe(leg);

        caller.next(Frame.text("ok"), Frame.text("too big"));

        assertThat(leg.getReceivedOnNext()).extracting(Frame::asString).containsExactly("ok");
        assertThat(leg.expectTerminalError()).hasMessageContaining("too big");
        caller.assertCancelled();
    }

    @Test
    void framesReachTheSdkAsItsRequestEventsAndAFrameThatCannotBeOneFailsTheLeg() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<String> relay = new RequestRelay<>(
                caller,
                frame -> null,
                frame -> {
                    if (frame.asString().equals("bad")) {
                        throw new IllegalArgumentException("not an event");
                    }
                    return "event:" + frame.asString();
                },
                false,
                0,
                events());
        TestSubscriber<String> leg = TestSubscriber.create();
        relay.newLeg().subscribe(leg);

        caller.next(Frame.text("ok"), Frame.text("bad"));

        assertThat(leg.getReceivedOnNext()).containsExactly("event:ok");
        assertThat(leg.expectTerminalError()).hasMessage("not an event");
    }

    @Test
    void cancelCancelsTheCaller() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        relay.newLeg().subscribe(TestSubscriber.create());

        relay.cancel();

        caller.assertCancelled();
    }

    @Test
    void cancelDropsEveryHeldFrame() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, true);
        TestSubscriber<Frame> first = TestSubscriber.create();
        relay.newLeg().subscribe(first);
        caller.next(Frame.text("a"));
        relay.detach();
        TestSubscriber<Frame> idle = TestSubscriber.builder().initialRequest(0).build();
        relay.newLeg().subscribe(idle);
        assertThat(relay.heldFrames()).isEqualTo(1);

        relay.cancel();

        assertThat(relay.heldFrames()).isZero();
    }

    @Test
    void confirmationDropsTheFramesKeptForReplay() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, true);
        relay.newLeg().subscribe(TestSubscriber.create());
        caller.next(Frame.text("a"), Frame.text("b"));
        assertThat(relay.heldFrames()).isEqualTo(2);

        relay.confirm();

        assertThat(relay.heldFrames()).isZero();
        caller.next(Frame.text("c"));
        assertThat(relay.heldFrames()).as("nothing is kept once confirmed").isZero();
    }

    @Test
    void aFailingCallerDropsTheFramesWaitingToBeSent() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        relay.newLeg().subscribe(TestSubscriber.builder().initialRequest(2).build());
        relay.detach();
        caller.next(Frame.text("a"));
        assertThat(relay.heldFrames()).isEqualTo(1);

        caller.error(new IllegalStateException("gone"));

        assertThat(relay.heldFrames()).isZero();
    }

    @Test
    void overflowingTheReplayLimitDropsWhatWasKept() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = new RequestRelay<>(caller, frame -> null, frame -> frame, true, 4, events());
        relay.newLeg().subscribe(TestSubscriber.create());

        caller.next(Frame.text("ab"), Frame.text("cd"));
        assertThat(relay.heldFrames()).as("exactly at the limit").isEqualTo(2);
        assertThat(relay.canRetry()).isTrue();
        caller.next(Frame.text("e"));

        assertThat(relay.heldFrames()).isZero();
        assertThat(relay.canRetry()).isFalse();
    }

    @Test
    void framesWaitingForANewLegAreNotSentBeforeItAsks() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        relay.newLeg().subscribe(TestSubscriber.builder().initialRequest(1).build());
        relay.detach();
        caller.next(Frame.text("a"));
        TestSubscriber<Frame> second =
                TestSubscriber.builder().initialRequest(0).build();

        relay.newLeg().subscribe(second);

        assertThat(second.getReceivedOnNext()).isEmpty();
        second.request(1);
        assertThat(second.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
    }

    @Test
    void demandAlreadyAskedOfTheCallerIsNotAskedAgain() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        TestSubscriber<Frame> leg = TestSubscriber.builder().initialRequest(4).build();
        relay.newLeg().subscribe(leg);
        caller.assertMaxRequested(4);

        leg.request(2);

        caller.assertMaxRequested(6);
        caller.assertMinRequested(6);
    }

    @Test
    void aCallerThatSubscribesLaterOnAnotherThreadStillDeliversToTheWaitingLeg() {
        RequestRelay<Frame> relay =
                relay(Flux.just(Frame.text("a")).subscribeOn(reactor.core.scheduler.Schedulers.parallel()), false);
        TestSubscriber<Frame> leg = TestSubscriber.create();

        relay.newLeg().subscribe(leg);

        leg.block(java.time.Duration.ofSeconds(5));
        assertThat(leg.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
        assertThat(leg.isTerminatedComplete()).isTrue();
    }

    @Test
    void framesADeadLegLeftBehindAreNotAddedToWhatTheCallerIsAsked() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        relay.newLeg().subscribe(TestSubscriber.builder().initialRequest(2).build());
        relay.detach();
        caller.next(Frame.text("a"), Frame.text("b"));

        relay.newLeg().subscribe(TestSubscriber.builder().initialRequest(0).build());

        caller.assertMaxRequested(2);
    }

    @Test
    void aCallerWhoseSubscriptionArrivesLaterIsAskedOnceItDoes() throws Exception {
        java.util.concurrent.ScheduledExecutorService later =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            org.reactivestreams.Publisher<Frame> slowCaller = subscriber -> later.schedule(
                    () -> Flux.just(Frame.text("a")).subscribe(subscriber),
                    50,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            RequestRelay<Frame> relay = relay(slowCaller, false);
            TestSubscriber<Frame> leg = TestSubscriber.create();

            relay.newLeg().subscribe(leg);

            leg.block(java.time.Duration.ofSeconds(5));
            assertThat(leg.getReceivedOnNext()).extracting(Frame::asString).containsExactly("a");
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void aNewLegThatAsksForNothingIsStillEndedWhenTheCallerAlreadyCompleted() {
        TestPublisher<Frame> caller = TestPublisher.create();
        RequestRelay<Frame> relay = relay(caller, false);
        relay.newLeg().subscribe(TestSubscriber.builder().initialRequest(0).build());
        relay.detach();
        caller.complete();
        TestSubscriber<Frame> second =
                TestSubscriber.builder().initialRequest(0).build();

        relay.newLeg().subscribe(second);

        assertThat(second.isTerminatedComplete()).isTrue();
    }

    @Test
    void aSubscriptionAfterCancelIsCancelled() {
        RequestRelay<Frame> relay = relay(Flux.never(), false);
        relay.cancel();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();

        relay.onSubscribe(new org.reactivestreams.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });

        assertThat(cancelled).isTrue();
    }

    @Test
    void aSecondSubscriberOfOneLegIsRefused() {
        RequestRelay<Frame> relay = relay(Flux.never(), false);
        org.reactivestreams.Publisher<Frame> leg = relay.newLeg();
        leg.subscribe(TestSubscriber.create());
        TestSubscriber<Frame> second = TestSubscriber.create();

        leg.subscribe(second);

        assertThat(second.expectTerminalError()).isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void aLegThatSubscribesWithoutDemandStillGetsTheEndOfAnEmptyCaller() {
        RequestRelay<Frame> relay = relay(Flux.empty(), false);
        TestSubscriber<Frame> leg = TestSubscriber.builder().initialRequest(0).build();

        relay.newLeg().subscribe(leg);

        assertThat(leg.isTerminatedComplete()).isTrue();
        assertThat(relay.requestsEnded()).isTrue();
    }

    @Test
    void theStreamIsLiveOnceOnTheFirstRealDemand() {
        RequestRelay<Frame> relay =
                new RequestRelay<>(Flux.never(), frame -> null, frame -> frame, false, 0, new RequestRelay.Events() {
                    @Override
                    public void frameSent(Frame frame) {}

                    @Override
                    public void requestsCompleted() {}

                    @Override
                    public void streamLive() {
                        live.incrementAndGet();
                    }

                    @Override
                    public void requestsFailed(Throwable error) {}
                });
        java.util.concurrent.atomic.AtomicReference<org.reactivestreams.Subscription> leg =
                new java.util.concurrent.atomic.AtomicReference<>();
        relay.newLeg().subscribe(new org.reactivestreams.Subscriber<Frame>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription s) {
                leg.set(s);
            }

            @Override
            public void onNext(Frame frame) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onComplete() {}
        });

        leg.get().request(0);
        leg.get().request(-1);
        assertThat(live).hasValue(0);
        leg.get().request(1);
        leg.get().request(1);
        assertThat(live).hasValue(1);
    }

    private final java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger();

    private RequestRelay<Frame> relay(org.reactivestreams.Publisher<Frame> caller, boolean replay) {
        return new RequestRelay<>(caller, frame -> null, frame -> frame, replay, 1024, events());
    }

    private RequestRelay.Events events() {
        return new RequestRelay.Events() {
            @Override
            public void frameSent(Frame frame) {
                sent.add(frame.asString());
            }

            @Override
            public void requestsCompleted() {}

            @Override
            public void streamLive() {}

            @Override
            public void requestsFailed(Throwable error) {
                failures.add(error);
            }
        };
    }
}
