package io.github.awsbidi.emulator.bedrock;

import io.github.awsbidi.emulator.stream.StreamContext;
import io.github.awsbidi.emulator.stream.StreamOperation;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import org.jspecify.annotations.Nullable;

/** A Bedrock model that answers every request chunk with the same bytes: for transport tests and benchmarks. */
final class EchoModel implements StreamOperation {

    private @Nullable StreamContext context;

    @Override
    public void start(StreamContext value) {
        context = value;
    }

    @Override
    public void onEvent(EventStreamMessage event) {
        StreamContext stream = context();
        try {
            stream.send(Chunks.chunk(Chunks.bytes(event)));
        } catch (IllegalArgumentException e) {
            stream.failWithException("validationException", ErrorPayloads.message(e.getMessage()));
        }
    }

    @Override
    public void onInputComplete() {
        context().complete();
    }

    @Override
    public void onCancel() {
        context = null;
    }

    private StreamContext context() {
        StreamContext current = context;
        if (current == null) {
            throw new IllegalStateException("stream not started or already cancelled");
        }
        return current;
    }
}
