package io.github.awsbidi.emulator.sagemaker;

import io.github.awsbidi.emulator.config.Variant;
import io.github.awsbidi.emulator.container.BuiltInContainerServer;
import io.github.awsbidi.emulator.container.BuiltInModel;
import io.github.awsbidi.emulator.container.ContainerClientOptions;
import io.github.awsbidi.emulator.container.ContainerConnection;
import io.github.awsbidi.emulator.container.ContainerListener;
import io.github.awsbidi.emulator.container.ModelContainerClient;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Where each variant's model container listens. The built-in containers start with the directory:
 * starting one waits for its socket to bind, which must not happen on an event loop (where streams
 * are resolved).
 */
public final class ContainerDirectory implements AutoCloseable {

    private final Map<BuiltInModel, BuiltInContainerServer> builtIns = new EnumMap<>(BuiltInModel.class);
    private boolean closed;

    /** Starts every built-in container on the group; call it from outside the group's event loops. */
    public ContainerDirectory(EventLoopGroup group) {
        try {
            for (BuiltInModel model : BuiltInModel.values()) {
                builtIns.put(model, BuiltInContainerServer.start(model, group));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The container's base {@code ws://} URI. */
    public URI baseUri(Variant variant) {
        if (variant.external()) {
            return variant.externalUri();
        }
        return builtIn(variant).baseUri();
    }

    /**
     * Opens a stream's connection to the variant's container from the stream's event loop {@code loop}. A
     * built-in container is reached in-VM, with no socket, and its end of the connection lives on that loop
     * too; an external container is reached over TCP from it.
     */
    public CompletableFuture<ContainerConnection> connect(
            Variant variant,
            EventLoop loop,
            @Nullable String invocationPath,
            @Nullable String queryString,
            ContainerListener listener,
            Duration connectTimeout,
            ContainerClientOptions options) {
        if (variant.external()) {
            return ModelContainerClient.connect(
                    loop, variant.externalUri(), invocationPath, queryString, listener, connectTimeout, options);
        }
        return builtIn(variant).connect(loop, invocationPath, queryString, listener, connectTimeout, options);
    }

    private synchronized BuiltInContainerServer builtIn(Variant variant) {
        if (closed) {
            throw new IllegalStateException("the emulator is closed");
        }
        BuiltInModel model = BuiltInModel.byId(variant.container())
                .orElseThrow(() -> new IllegalArgumentException("unknown built-in container " + variant.container()));
        BuiltInContainerServer server = builtIns.get(model);
        if (server == null) {
            throw new IllegalStateException("built-in container " + variant.container() + " is not running");
        }
        return server;
    }

    @Override
    public synchronized void close() {
        closed = true;
        builtIns.values().forEach(BuiltInContainerServer::close);
        builtIns.clear();
    }
}
