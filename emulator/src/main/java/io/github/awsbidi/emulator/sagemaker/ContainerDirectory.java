package io.github.awsbidi.emulator.sagemaker;

import io.github.awsbidi.emulator.config.Variant;
import io.github.awsbidi.emulator.container.BuiltInContainerServer;
import io.github.awsbidi.emulator.container.BuiltInModel;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** Where each variant's model container listens; built-in containers start on first use. */
public final class ContainerDirectory implements AutoCloseable {

    private final EventLoopGroup group;
    private final Map<BuiltInModel, BuiltInContainerServer> builtIns = new EnumMap<>(BuiltInModel.class);
    private boolean closed;

    public ContainerDirectory(EventLoopGroup group) {
        this.group = group;
    }

    /** The container's base {@code ws://} URI. */
    public synchronized URI baseUri(Variant variant) {
        if (variant.external()) {
            return variant.externalUri();
        }
        if (closed) {
            throw new IllegalStateException("the emulator is closed");
        }
        BuiltInModel model = BuiltInModel.byId(variant.container())
                .orElseThrow(() -> new IllegalArgumentException("unknown built-in container " + variant.container()));
        return builtIns.computeIfAbsent(model, m -> BuiltInContainerServer.start(m, group)).baseUri();
    }

    @Override
    public synchronized void close() {
        closed = true;
        builtIns.values().forEach(BuiltInContainerServer::close);
        builtIns.clear();
    }
}
