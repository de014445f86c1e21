package io.github.awsbidi.emulator.config;

import io.github.awsbidi.emulator.novasonic.NovaSonicOptions;
import java.util.Objects;

/**
 * One emulated Bedrock model.
 *
 * @param behaviour what answers the model's streams
 * @param lifecycle what {@code GetFoundationModel} reports
 * @param novaSonic the scripted Nova Sonic's options, for {@link ModelBehaviour#NOVA_SONIC}
 * @param faults faults injected into this model's streams
 */
public record BedrockModel(
        ModelBehaviour behaviour, ModelLifecycle lifecycle, NovaSonicOptions novaSonic, Faults faults) {

    public BedrockModel {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(novaSonic, "novaSonic");
        Objects.requireNonNull(faults, "faults");
    }

    /** The scripted Nova Sonic with default options. */
    public static BedrockModel scriptedNovaSonic() {
        return new BedrockModel(
                ModelBehaviour.NOVA_SONIC, ModelLifecycle.ACTIVE, NovaSonicOptions.defaults(), Faults.none());
    }

    /** A model that echoes every chunk unchanged. */
    public static BedrockModel echo() {
        return new BedrockModel(ModelBehaviour.ECHO, ModelLifecycle.ACTIVE, NovaSonicOptions.defaults(), Faults.none());
    }

    public BedrockModel withBehaviour(ModelBehaviour newBehaviour) {
        return new BedrockModel(newBehaviour, lifecycle, novaSonic, faults);
    }

    public BedrockModel withLifecycle(ModelLifecycle newLifecycle) {
        return new BedrockModel(behaviour, newLifecycle, novaSonic, faults);
    }

    public BedrockModel withNovaSonic(NovaSonicOptions options) {
        return new BedrockModel(behaviour, lifecycle, options, faults);
    }

    public BedrockModel withFaults(Faults newFaults) {
        return new BedrockModel(behaviour, lifecycle, novaSonic, newFaults);
    }

    /** What serves a model's streams. */
    public enum ModelBehaviour {
        /** The scripted Amazon Nova 2 Sonic. */
        NOVA_SONIC,
        /** Every request chunk comes back unchanged. */
        ECHO,
        /** The model reached end of life: every call fails with ResourceNotFoundException. */
        END_OF_LIFE
    }
}
