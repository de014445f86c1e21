package io.github.awsbidi.benchmarks;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a stream sends: {@code count} copies of a payload as fast as the stream takes them, or ({@code payload}
 * {@code null}) whatever is {@link EchoStream#send(byte[]) sent} later.
 */
record Traffic(byte @Nullable [] payload, long count) {

    static Traffic generated(byte[] payload, long count) {
        return new Traffic(payload, count);
    }

    static Traffic queued() {
        return new Traffic(null, 0);
    }

    <T> RequestSource<T> source(Function<byte[], T> toEvent) {
        byte[] generated = payload;
        return generated != null ? RequestSource.generating(toEvent, generated, count) : RequestSource.queued(toEvent);
    }
}
