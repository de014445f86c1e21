/**
 * Micrometer instrumentation for sessions, through the {@link io.github.awsbidi.core.listener.ExchangeListener}
 * SPI: {@link io.github.awsbidi.core.micrometer.MeterExchangeListener} records frame, latency and error meters,
 * {@link io.github.awsbidi.core.micrometer.ObservationExchangeListener} one {@code Observation} per exchange.
 * Micrometer is an optional dependency: only this package needs it.
 */
@NullMarked
package io.github.awsbidi.core.micrometer;

import org.jspecify.annotations.NullMarked;
