package io.github.awsbidi.novasonic.event;

/**
 * Whether assistant text is the preview of what the model plans to say ({@link #SPECULATIVE}) or
 * the transcript of what was actually said ({@link #FINAL}); user transcripts are {@link #FINAL}.
 */
public enum GenerationStage {
    SPECULATIVE,
    FINAL,
    UNKNOWN
}
