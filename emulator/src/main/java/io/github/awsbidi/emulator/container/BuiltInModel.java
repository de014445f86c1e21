package io.github.awsbidi.emulator.container;

import io.netty.channel.ChannelHandler;
import java.util.Arrays;
import java.util.Optional;

/** The model containers the emulator ships, selected by id (e.g. in an endpoint's configuration). */
public enum BuiltInModel {

    /** Sends every data frame back unchanged, plus test hooks ({@code Close}, {@code Describe}). */
    ECHO("echo"),

    /** A scripted speech-to-text over 16-bit little-endian mono PCM, answering Deepgram-shaped JSON. */
    TRANSCRIBE_SIM("transcribe-sim");

    private final String id;

    BuiltInModel(String id) {
        this.id = id;
    }

    /** The model's id: {@code echo} or {@code transcribe-sim}. */
    public String id() {
        return id;
    }

    /** The model with {@code id}, if any. */
    public static Optional<BuiltInModel> byId(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
    }

    /** A fresh handler for one accepted WebSocket connection; it receives data frames only. */
    ChannelHandler newConnectionHandler(ContainerRequest request) {
        return switch (this) {
            case ECHO -> new EchoModelHandler(request);
            case TRANSCRIBE_SIM -> new TranscribeSimModelHandler(request);
        };
    }
}
