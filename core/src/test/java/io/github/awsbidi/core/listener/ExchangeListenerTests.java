package io.github.awsbidi.core.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeListenerTests {

    @Test
    void compositeOfNothingIsNone() {
        assertThat(ExchangeListener.composite()).isSameAs(ExchangeListener.NONE);
        assertThat(ExchangeListener.composite(ExchangeListener.NONE, ExchangeListener.NONE))
                .isSameAs(ExchangeListener.NONE);
    }

    @Test
    void compositeCallsEveryListenerInOrderEvenWhenOneThrows() {
        List<String> calls = new ArrayList<>();
        ExchangeListener failing = new ExchangeListener() {
            @Override
            public void frameSent(ExchangeContext exchange, int bytes, long nanoTime) {
                calls.add("failing " + bytes);
                throw new IllegalStateException("boom");
            }

            @Override
            public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
                throw new IllegalStateException("boom");
            }
        };
        ExchangeListener recording = new ExchangeListener() {
            @Override
            public void frameSent(ExchangeContext exchange, int bytes, long nanoTime) {
                calls.add("recording " + bytes);
            }

            @Override
            public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
                calls.add("closed " + outcome.tag());
            }
        };

        ExchangeListener composite = ExchangeListener.composite(failing, recording);
        composite.frameSent(null, 7, 0);
        composite.closed(null, Outcome.CANCELLED, 0);

        assertThat(calls).containsExactly("failing 7", "recording 7", "closed cancelled");
    }

    @Test
    void frameCallbacksReachPayloadListenersAndFallBackToSizesForOthers() {
        List<String> calls = new ArrayList<>();
        ExchangeListener sizes = new ExchangeListener() {
            @Override
            public void frameSent(ExchangeContext exchange, int bytes, boolean completesInput, long nanoTime) {
                calls.add("sizes sent " + bytes + " " + completesInput);
            }

            @Override
            public void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {
                calls.add("sizes received " + bytes);
            }
        };
        ExchangeListener payloads = new ExchangeListener() {
            @Override
            public void frameSent(ExchangeContext exchange, Frame frame, boolean completesInput, long nanoTime) {
                calls.add("payloads sent " + frame.asString());
                throw new IllegalStateException("boom");
            }

            @Override
            public void frameReceived(ExchangeContext exchange, Frame frame, long nanoTime) {
                calls.add("payloads received " + frame.asString());
            }

            @Override
            public void answered(ExchangeContext exchange, long nanoTime) {
                calls.add("answered");
            }

            @Override
            public void requestsCompleted(ExchangeContext exchange, long nanoTime) {
                calls.add("requests completed");
            }
        };

        ExchangeListener composite = ExchangeListener.composite(sizes, payloads);
        composite.answered(null, 0);
        composite.frameSent(null, Frame.text("abc"), true, 0);
        composite.frameReceived(null, Frame.text("hello"), 0);
        composite.requestsCompleted(null, 0);

        assertThat(calls)
                .containsExactly(
                        "answered",
                        "sizes sent 3 true",
                        "payloads sent abc",
                        "sizes received 5",
                        "payloads received hello",
                        "requests completed");
    }

    @Test
    void aSingleListenerIsShieldedToo() {
        ExchangeListener throwing = new ExchangeListener() {
            @Override
            public void opened(ExchangeContext exchange) {
                throw new IllegalStateException("boom");
            }
        };

        ExchangeListener guarded = ExchangeListener.composite(throwing);
        guarded.opened(null);

        assertThat(ExchangeListener.composite(guarded)).isSameAs(guarded);
    }
}
