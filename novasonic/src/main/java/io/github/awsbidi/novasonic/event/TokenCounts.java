package io.github.awsbidi.novasonic.event;

/** Speech and text tokens of one direction. */
public record TokenCounts(long speechTokens, long textTokens) {

    /** No tokens. */
    public static final TokenCounts ZERO = new TokenCounts(0, 0);

    /** Speech plus text tokens. */
    public long total() {
        return speechTokens + textTokens;
    }
}
