package io.github.awsbidi.benchmarks;

/** Opens echo streams through one client: the raw SDK or a {@link io.github.awsbidi.core.BidirectionalSession}. */
interface EchoClient {

    /** Opens a stream that sends {@code traffic} and reports each echo to {@code listener}. */
    EchoStream open(Traffic traffic, EchoStream.Listener listener);
}
