package io.github.awsbidi.core.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags exchange observations; implement it (or extend the default) to change them. */
public interface ExchangeObservationConvention extends ObservationConvention<ExchangeObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ExchangeObservationContext;
    }
}
