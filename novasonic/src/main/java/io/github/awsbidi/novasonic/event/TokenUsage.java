package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** Input and output token counts: one of {@code usageEvent.details.delta} or {@code .total}. */
public record TokenUsage(TokenCounts input, TokenCounts output) {

    /** No tokens. */
    public static final TokenUsage ZERO = new TokenUsage(TokenCounts.ZERO, TokenCounts.ZERO);

    public TokenUsage {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
