package io.github.awsbidi.emulator.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One emulated SageMaker endpoint.
 *
 * @param status what {@code DescribeEndpoint} reports; streams are served only when {@code InService}
 * @param variants the production variants, the first is the default target
 * @param faults faults injected into this endpoint's streams
 */
public record SageMakerEndpoint(EndpointStatus status, List<Variant> variants, Faults faults) {

    public SageMakerEndpoint {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(faults, "faults");
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs at least one variant");
        }
    }

    /** An in-service endpoint with one variant {@code variant-1} served by {@code container}. */
    public static SageMakerEndpoint of(String container) {
        return new SageMakerEndpoint(
                EndpointStatus.IN_SERVICE, List.of(new Variant("variant-1", container)), Faults.none());
    }

    /** The variant of that name. */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public SageMakerEndpoint withStatus(EndpointStatus newStatus) {
        return new SageMakerEndpoint(newStatus, variants, faults);
    }

    public SageMakerEndpoint withFaults(Faults newFaults) {
        return new SageMakerEndpoint(status, variants, newFaults);
    }
}
