package io.github.awsbidi.emulator.novasonic;

/** Nova 2's turn detection setting: how quickly silence after speech ends the user's turn. */
enum EndpointingSensitivity {
    HIGH(0.6),
    MEDIUM(1.0),
    LOW(2.0);

    private final double silenceFactor;

    EndpointingSensitivity(double silenceFactor) {
        this.silenceFactor = silenceFactor;
    }

    /** Multiplier applied to {@link NovaSonicOptions#endOfSpeechSilence()}. */
    double silenceFactor() {
        return silenceFactor;
    }
}
