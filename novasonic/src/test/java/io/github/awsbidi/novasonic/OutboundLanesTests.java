package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OutboundLanesTests {

    private final OutboundLanes lanes = new OutboundLanes(16);

    @Test
    void anUrgentBlockOvertakesQueuedAudio() {
        lanes.add(Frame.text("audio-1"), true);
        lanes.add(Frame.text("audio-2"), true);
        lanes.addUrgent(List.of(Frame.text("tool-start"), Frame.text("tool-result"), Frame.text("tool-end")));
        lanes.complete();

        StepVerifier.create(lanes.flux().map(Frame::asString))
                .expectNext("tool-start", "tool-result", "tool-end", "audio-1", "audio-2")
                .verifyComplete();
    }

    @Test
    void anUrgentBlockNeverOvertakesTextNorSplitsAroundIt() {
        lanes.add(Frame.text("text-start"), false);
        lanes.add(Frame.text("text-input"), false);
        lanes.add(Frame.text("text-end"), false);
        lanes.add(Frame.text("audio-1"), true);
        lanes.addUrgent(List.of(Frame.text("tool-start"), Frame.text("tool-end")));
        lanes.complete();

        StepVerifier.create(lanes.flux().map(Frame::asString))
                .expectNext("text-start", "text-input", "text-end", "tool-start", "tool-end", "audio-1")
                .verifyComplete();
    }

    @Test
    void framesGoOutOnlyAsRequestedAndTheBlockStaysWholeAcrossRequests() {
        lanes.add(Frame.text("audio-1"), true);
        lanes.addUrgent(List.of(Frame.text("tool-start"), Frame.text("tool-end")));

        StepVerifier.create(lanes.flux().map(Frame::asString), 1)
                .expectNext("tool-start")
                .then(() -> lanes.add(Frame.text("text-start"), false))
                .thenRequest(1)
                .expectNext("tool-end")
                .thenRequest(2)
                .expectNext("audio-1", "text-start")
                .then(lanes::complete)
                .verifyComplete();
    }

    @Test
    void aFullNormalLaneRefusesMore() {
        OutboundLanes small = new OutboundLanes(2);

        assertThat(small.add(Frame.text("a"), true)).isTrue();
        assertThat(small.add(Frame.text("b"), true)).isTrue();
        assertThat(small.add(Frame.text("c"), true)).isFalse();
    }
}
