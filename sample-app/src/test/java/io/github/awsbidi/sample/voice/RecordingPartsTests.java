package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingPartsTests {

    @Test
    void eachPieceGoesOutAsAPartialPartOnceTheNextArrivesAndStopSendsTheLastAsComplete() {
        RecordingParts parts = new RecordingParts(16_000);
        assertThat(parts.audio(new byte[640]))
                .as("held back until the next piece")
                .isEmpty();
        List<Frame> second = parts.audio(new byte[640]);
        assertThat(second).singleElement().satisfies(frame -> {
            assertThat(frame.last()).isFalse();
            assertThat(frame.type()).isEqualTo(DataType.BINARY);
        });
        Frame complete = parts.stop().orElseThrow();
        assertThat(complete.last()).isTrue();
        // 16 kHz in, 16 kHz out: every byte arrives, split between the PARTIAL and the COMPLETE part.
        assertThat(second.get(0).size() + complete.size()).isEqualTo(1_280);
    }

    @Test
    void browserAudioAt48kHzIsSentAt16kHz() {
        RecordingParts parts = new RecordingParts(48_000);
        int sent = 0;
        for (int i = 0; i < 10; i++) {
            sent += parts.audio(new byte[3_840]).stream().mapToInt(Frame::size).sum(); // 40 ms each
        }
        sent += parts.stop().orElseThrow().size();
        assertThat(sent).isEqualTo(10 * 3_840 / 3);
    }

    @Test
    void aRecordingWithNoAudioSendsNothingAndTheNextRecordingStartsAfresh() {
        RecordingParts parts = new RecordingParts(16_000);
        assertThat(parts.stop()).isEmpty();
        parts.audio(new byte[320]);
        assertThat(parts.stop())
                .hasValueSatisfying(frame -> assertThat(frame.size()).isEqualTo(320));
        assertThat(parts.audio(new byte[320]))
                .as("a new recording holds its first piece back again")
                .isEmpty();
    }
}
