package io.github.awsbidi.emulator.novasonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpeechTests {

    @Test
    void rmsOfAFullScaleSineIsAboutSeventyPercent() {
        assertThat(SpeechDetector.rms(TestAudio.sine(1.0, 300, 16_000, 1.0))).isCloseTo(0.707, within(0.01));
        assertThat(SpeechDetector.rms(TestAudio.silence(0.1, 16_000))).isZero();
        assertThat(SpeechDetector.rms(new byte[0])).isZero();
    }

    @Test
    void detectorMeasuresTheUtteranceFromFirstToLastLoudChunk() {
        SpeechDetector detector = new SpeechDetector(16_000, 0.02, 0.5);
        detector.accept(TestAudio.silence(0.2, 16_000));
        assertThat(detector.accept(TestAudio.sine(0.4, 300, 16_000, 0.3)).speech())
                .isTrue();
        assertThat(detector.accept(TestAudio.silence(0.2, 16_000)).endedUtteranceSeconds())
                .isNull();
        detector.accept(TestAudio.sine(0.4, 300, 16_000, 0.3));
        SpeechDetector.Chunk end = detector.accept(TestAudio.silence(0.5, 16_000));

        assertThat(end.speech()).isFalse();
        assertThat(end.endedUtteranceSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(detector.flush()).isNull();
    }

    @Test
    void synthesizedSpeechIsAudibleStartsAndEndsQuietAndIsTheSameChunkedOrWhole() {
        SpeechSynthesizer voice = new SpeechSynthesizer(24_000, "matthew");
        int total = 24_000;
        byte[] whole = voice.render(0, total, total);
        byte[] first = voice.render(0, 12_000, total);
        byte[] second = voice.render(12_000, 12_000, total);

        assertThat(SpeechDetector.rms(whole)).isBetween(0.05, 0.3);
        assertThat(whole).startsWith(first);
        assertThat(java.util.Arrays.copyOfRange(whole, 24_000, 48_000)).isEqualTo(second);
        assertThat(whole[0]).isZero();
        assertThat(Math.abs((short) ((whole[whole.length - 2] & 0xff) | (whole[whole.length - 1] << 8))))
                .isLessThan(200);
    }

    @Test
    void voicesDifferInPitch() {
        assertThat(SpeechSynthesizer.pitchOf("matthew"))
                .isBetween(100.0, 220.0)
                .isNotEqualTo(SpeechSynthesizer.pitchOf("tiffany"));
        assertThat(SpeechSynthesizer.pitchOf(null)).isEqualTo(120.0);
    }

    @Test
    void usageReportsDeltasAndCumulativeTotals() {
        UsageAccountant usage = new UsageAccountant();
        usage.inputText("12345678");
        usage.inputSpeech(1.0);
        UsageAccountant.Report first = usage.report();
        usage.outputText("1234");
        usage.outputSpeech(2.0);
        UsageAccountant.Report second = usage.report();

        assertThat(first.delta()).isEqualTo(new UsageAccountant.Tokens(25, 2, 0, 0));
        assertThat(second.delta()).isEqualTo(new UsageAccountant.Tokens(0, 0, 50, 1));
        assertThat(second.total()).isEqualTo(new UsageAccountant.Tokens(25, 2, 50, 1));
    }

    @Test
    void toolSubjectIsWhatFollowsTheLastIn() {
        assertThat(ToolPlanner.subject("What's the weather in New York?")).isEqualTo("New York");
        assertThat(ToolPlanner.subject("weather please!")).isEqualTo("weather please");
    }
}
