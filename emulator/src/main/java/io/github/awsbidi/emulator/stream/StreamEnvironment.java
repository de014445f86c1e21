package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.auth.SigV4Verifier;
import java.util.List;

/**
 * What every stream handler shares: the signature verifier, the operations, limits and observers.
 *
 * @param verifier checks request and event signatures
 * @param resolvers the bidirectional operations served
 * @param maxEventBytes the largest event-stream message accepted
 * @param observer told of stream openings and endings
 * @param openAttempts counts opens per target, for open-error faults
 */
public record StreamEnvironment(
        SigV4Verifier verifier,
        List<StreamResolver> resolvers,
        int maxEventBytes,
        StreamObserver observer,
        OpenAttempts openAttempts) {

    public StreamEnvironment {
        resolvers = List.copyOf(resolvers);
    }
}
