package io.github.awsbidi.emulator.novasonic;

import java.nio.charset.StandardCharsets;

/**
 * Counts tokens the way a client sees them in {@code usageEvent}: text at about four UTF-8 bytes
 * per token, speech at 25 tokens per second of audio. Totals are cumulative over the session; each
 * report also carries the delta since the previous one.
 */
final class UsageAccountant {

    static final double SPEECH_TOKENS_PER_SECOND = 25.0;

    static final int TEXT_BYTES_PER_TOKEN = 4;

    private double inputSpeechSeconds;

    private long inputTextTokens;

    private double outputSpeechSeconds;

    private long outputTextTokens;

    private Tokens reported = new Tokens(0, 0, 0, 0);

    /**
     * Token counts in the four categories of {@code usageEvent}.
     *
     * @param inputSpeech input speech tokens
     * @param inputText input text tokens
     * @param outputSpeech output speech tokens
     * @param outputText output text tokens
     */
    record Tokens(long inputSpeech, long inputText, long outputSpeech, long outputText) {

        long input() {
            return inputSpeech + inputText;
        }

        long output() {
            return outputSpeech + outputText;
        }

        Tokens minus(Tokens other) {
            return new Tokens(
                    inputSpeech - other.inputSpeech,
                    inputText - other.inputText,
                    outputSpeech - other.outputSpeech,
                    outputText - other.outputText);
        }
    }

    /**
     * One usage report.
     *
     * @param delta tokens since the previous report
     * @param total tokens since the session started
     */
    record Report(Tokens delta, Tokens total) {}

    void inputText(String text) {
        inputTextTokens += textTokens(text);
    }

    void inputSpeech(double seconds) {
        inputSpeechSeconds += seconds;
    }

    void outputText(String text) {
        outputTextTokens += textTokens(text);
    }

    void outputSpeech(double seconds) {
        outputSpeechSeconds += seconds;
    }

    /** The totals so far and what changed since the previous report. */
    Report report() {
        Tokens total = new Tokens(
                speechTokens(inputSpeechSeconds), inputTextTokens, speechTokens(outputSpeechSeconds), outputTextTokens);
        Report report = new Report(total.minus(reported), total);
        reported = total;
        return report;
    }

    static long textTokens(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return (bytes + TEXT_BYTES_PER_TOKEN - 1) / TEXT_BYTES_PER_TOKEN;
    }

    private static long speechTokens(double seconds) {
        return Math.round(seconds * SPEECH_TOKENS_PER_SECOND);
    }
}
