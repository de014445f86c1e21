package io.github.awsbidi.polly.micrometer;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.micrometer.BidiMeterNames;
import io.github.awsbidi.polly.PollyFrames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Counts the characters Polly bills ({@code StreamClosedEvent.RequestCharacters}) as {@value #CHARACTERS}, tagged
 * with the session and service like the exchange meters. Add it to a Polly session's options beside the
 * {@link io.github.awsbidi.core.micrometer.MeterExchangeListener}.
 */
public final class PollyCharactersListener implements ExchangeListener {

    /** The counter of billed characters. */
    public static final String CHARACTERS = "aws.bidi.polly.characters";

    private final MeterRegistry registry;

    public PollyCharactersListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void frameReceived(ExchangeContext exchange, Frame frame, long nanoTime) {
        if (exchange.target().service() != Target.Service.POLLY) {
            return; // a UTF-8 frame of another operation may look alike
        }
        OptionalLong characters = PollyFrames.requestCharacters(frame);
        if (characters.isPresent()) {
            Counter.builder(CHARACTERS)
                    .description("Characters Polly billed for speech synthesis streams")
                    .baseUnit("characters")
                    .tag(BidiMeterNames.TAG_SESSION, exchange.sessionName())
                    .tag(BidiMeterNames.TAG_SERVICE, exchange.target().service().tag())
                    .register(registry)
                    .increment(characters.getAsLong());
        }
    }
}
