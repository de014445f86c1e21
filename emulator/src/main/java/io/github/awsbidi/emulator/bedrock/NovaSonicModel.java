package io.github.awsbidi.emulator.bedrock;

import io.github.awsbidi.emulator.novasonic.NovaSonicOptions;
import io.github.awsbidi.emulator.novasonic.NovaSonicSimulator;
import io.github.awsbidi.emulator.novasonic.NovaSonicSink;
import io.github.awsbidi.emulator.stream.StreamContext;
import io.github.awsbidi.emulator.stream.StreamOperation;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Bedrock framing around the scripted Nova Sonic: each chunk's bytes are one JSON event in or out. */
final class NovaSonicModel implements StreamOperation {

    private final NovaSonicOptions options;
    private @Nullable NovaSonicSimulator simulator;
    private @Nullable StreamContext context;

    NovaSonicModel(NovaSonicOptions options) {
        this.options = options;
    }

    @Override
    public void start(StreamContext stream) {
        context = stream;
        simulator = new NovaSonicSimulator(options, stream.scheduler(), new NovaSonicSink() {
            @Override
            public void emit(String eventJson) {
                stream.send(Chunks.chunk(eventJson.getBytes(StandardCharsets.UTF_8)));
            }

            @Override
            public void fail(String exceptionType, String message) {
                stream.failWithException(exceptionType, ErrorPayloads.message(message));
            }

            @Override
            public void complete() {
                stream.complete();
            }
        });
    }

    @Override
    public void onEvent(EventStreamMessage event) {
        byte[] bytes;
        try {
            bytes = Chunks.bytes(event);
        } catch (IllegalArgumentException e) {
            simulator().onCancel();
            context().failWithException("validationException", ErrorPayloads.message(e.getMessage()));
            return;
        }
        simulator().onInput(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void onInputComplete() {
        simulator().onInputComplete();
    }

    @Override
    public void onCancel() {
        NovaSonicSimulator current = simulator;
        if (current != null) {
            current.onCancel();
        }
    }

    private NovaSonicSimulator simulator() {
        NovaSonicSimulator current = simulator;
        if (current == null) {
            throw new IllegalStateException("stream not started");
        }
        return current;
    }

    private StreamContext context() {
        StreamContext current = context;
        if (current == null) {
            throw new IllegalStateException("stream not started");
        }
        return current;
    }
}
