package io.github.awsbidi.emulator.container;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.local.LocalAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-VM byte connection: what one end writes, the other reads, with no socket and no system
 * call. Both ends are made connected ({@link #pair}) and must be registered on one event loop, any kind of loop:
 * Netty's own {@code LocalChannel} needs a {@code LocalIoHandler} loop and an NIO loop refuses it ("IoHandle of
 * type LocalUnsafe not supported"), while this channel needs no I/O handler at all. Everything a TCP peer could
 * tell apart is kept: bytes in order; back-pressure (an end holds at most {@link SocketBuffers#BYTES} that its
 * reader has not taken, after which the writer's bytes wait in its outbound buffer and it turns unwritable, as
 * with the sockets' buffer sizes); reads only while the reader asks for them ({@code autoRead} or
 * {@code read()}); and a close that the other end sees, as end of stream, only after reading all that came
 * before it. Deliveries run as tasks on the loop, never inside the writer's call, so a handler that writes
 * while reading does not recurse into its peer.
 */
final class InVmChannel extends AbstractChannel {

    private static final ChannelMetadata METADATA = new ChannelMetadata(false);

    private final ChannelConfig config = new DefaultChannelConfig(this);
    private final LocalAddress localAddress;
    private final LocalAddress remoteAddress;
    /** Bytes the peer wrote that this end has not read yet; touched on the loop only. */
    private final Queue<ByteBuf> inbound = new ArrayDeque<>();

    private @Nullable InVmChannel peer;
    private volatile boolean open = true;
    private int inboundBytes;
    private boolean readRequested;
    private boolean deliveryScheduled;
    /** The peer closed: once {@link #inbound} is read, this end reads end of stream and closes. */
    private boolean peerClosed;
    /** This end's flushed bytes did not fit in the peer's inbound queue and wait for it to read. */
    private boolean writeWaiting;

    private InVmChannel(LocalAddress localAddress, LocalAddress remoteAddress) {
        super(null);
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
    }

    /** A connected pair: {@code [0]} at {@code clientAddress}, {@code [1]} at {@code serverAddress}. */
    static InVmChannel[] pair(LocalAddress clientAddress, LocalAddress serverAddress) {
        InVmChannel client = new InVmChannel(clientAddress, serverAddress);
        InVmChannel server = new InVmChannel(serverAddress, clientAddress);
        client.peer = server;
        server.peer = client;
        return new InVmChannel[] {client, server};
    }

    /** The other end. */
    InVmChannel peer() {
        InVmChannel current = peer;
        if (current == null) {
            throw new IllegalStateException("not paired");
        }
        return current;
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Connected from birth, so registering an end fires {@code channelActive}, as an accepted socket does. */
    @Override
    public boolean isActive() {
        return open;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }

    @Override
    protected AbstractUnsafe newUnsafe() {
        return new InVmUnsafe();
    }

    /** Both ends share unsynchronized state, so they must live on one loop. */
    @Override
    protected boolean isCompatible(EventLoop loop) {
        InVmChannel other = peer;
        return other == null || !other.isRegistered() || other.eventLoop() == loop;
    }

    @Override
    protected SocketAddress localAddress0() {
        return localAddress;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return remoteAddress;
    }

    @Override
    protected void doBind(SocketAddress address) {
        throw new UnsupportedOperationException("an in-VM channel is connected when made");
    }

    @Override
    protected void doDisconnect() {
        doClose();
    }

    @Override
    protected void doClose() {
        if (!open) {
            return;
        }
        open = false;
        releaseInbound();
        InVmChannel other = peer();
        if (other.open) {
            // Queued behind any delivery already scheduled, so the peer reads what came first.
            other.eventLoop().execute(other::onPeerClosed);
        }
    }

    @Override
    protected void doBeginRead() {
        readRequested = true;
        if (!inbound.isEmpty() || peerClosed) {
            scheduleDelivery();
        }
    }

    @Override
    protected Object filterOutboundMessage(Object msg) {
        if (msg instanceof ByteBuf) {
            return msg;
        }
        throw new UnsupportedOperationException("an in-VM channel carries bytes, not " + msg.getClass());
    }

    @Override
    protected void doWrite(ChannelOutboundBuffer out) throws Exception {
        InVmChannel other = peer();
        for (Object msg = out.current(); msg != null; msg = out.current()) {
            if (!other.open) {
                throw new ClosedChannelException();
            }
            if (other.inboundBytes >= SocketBuffers.BYTES) {
                // The rest stays in the outbound buffer (counted against writability) until the peer reads.
                writeWaiting = true;
                return;
            }
            ByteBuf bytes = (ByteBuf) msg;
            if (bytes.isReadable()) {
                other.receive(bytes.retain());
            }
            out.remove();
        }
    }

    private void receive(ByteBuf bytes) {
        inbound.add(bytes);
        inboundBytes += bytes.readableBytes();
        if (readRequested) {
            scheduleDelivery();
        }
    }

    private void onPeerClosed() {
        peerClosed = true;
        if (writeWaiting) {
            // Like a write to a reset socket: the waiting bytes fail and this end closes.
            writeWaiting = false;
            ((InVmUnsafe) unsafe()).flushNow();
        }
        if (readRequested) {
            scheduleDelivery();
        }
    }

    private void scheduleDelivery() {
        if (!deliveryScheduled) {
            deliveryScheduled = true;
            eventLoop().execute(this::deliver);
        }
    }

    /** One read: hands the reader what has arrived, as long as it keeps reading, then end of stream if due. */
    private void deliver() {
        deliveryScheduled = false;
        if (!open || !readRequested) {
            return;
        }
        ChannelPipeline pipeline = pipeline();
        boolean read = false;
        ByteBuf bytes;
        while ((!read || config.isAutoRead()) && open && (bytes = inbound.poll()) != null) {
            if (!read) {
                // A new read is asked for by autoRead after readComplete, or by the reader's read().
                readRequested = false;
                read = true;
            }
            inboundBytes -= bytes.readableBytes();
            pipeline.fireChannelRead(bytes);
        }
        if (read) {
            pipeline.fireChannelReadComplete();
        }
        InVmChannel other = peer();
        if (other.writeWaiting && other.open && inboundBytes < SocketBuffers.BYTES) {
            other.writeWaiting = false;
            ((InVmUnsafe) other.unsafe()).flushNow();
        }
        if (open && peerClosed && inbound.isEmpty()) {
            unsafe().close(unsafe().voidPromise());
        }
    }

    private void releaseInbound() {
        for (ByteBuf bytes = inbound.poll(); bytes != null; bytes = inbound.poll()) {
            bytes.release();
        }
        inboundBytes = 0;
    }

    private final class InVmUnsafe extends AbstractUnsafe {

        @Override
        public void connect(SocketAddress remote, @Nullable SocketAddress local, ChannelPromise promise) {
            promise.setFailure(new AlreadyConnectedException());
        }

        void flushNow() {
            flush0();
        }
    }
}
