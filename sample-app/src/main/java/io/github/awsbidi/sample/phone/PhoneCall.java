package io.github.awsbidi.sample.phone;

import io.github.awsbidi.novasonic.Conversation;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.audio.FramePacer;
import io.github.awsbidi.novasonic.audio.MuLawToPcm;
import io.github.awsbidi.novasonic.audio.PcmToMuLaw;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One phone call as one conversation with the assistant. The caller's 8 kHz μ-law becomes 16 kHz PCM for Nova
 * Sonic; the assistant's speech (asked for at 8 kHz) becomes μ-law frames released every 20 ms, each turn followed by
 * a mark. A barge-in drops the queued speech here and sends {@code clear} so that Twilio drops what it buffered.
 * The call ends at {@code stop}, when the socket closes, or when the conversation fails; ending it closes the
 * conversation with its full closing sequence.
 */
final class PhoneCall {

    private static final Logger log = LoggerFactory.getLogger(PhoneCall.class);

    /** Nova Sonic hears 16 kHz best; its speech is asked for at the line's rate. */
    static final int MODEL_INPUT_RATE = 16_000;

    private final NovaSonic assistant;
    private final PhoneCallMetrics metrics;
    private final String provider;
    private final FramePacer pacer;
    private final MuLawToPcm fromLine = new MuLawToPcm(MODEL_INPUT_RATE);
    private final PcmToMuLaw toLine;
    private final Sinks.Many<TwilioMessage.Outbound> control =
            Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable String streamSid;
    private volatile @Nullable Conversation conversation;
    private volatile PhoneCallMetrics.@Nullable Call meters;
    private volatile boolean failed;
    // Guarded by this: the mark that follows the last queued frame of a finished turn.
    private @Nullable String pendingMark;
    private int turns;

    PhoneCall(NovaSonic assistant, PhoneCallMetrics metrics, String provider, Scheduler pacing) {
        this.assistant = assistant;
        this.metrics = metrics;
        this.provider = provider;
        this.pacer = new FramePacer(pacing);
        this.toLine = new PcmToMuLaw(assistant.settings().outputSampleRate());
    }

    /**
     * Processes the text messages Twilio sends until the socket's input ends. The input is read to its end even after
     * the call is over or failed: cancelling it would drop the connection before the server's close frame.
     */
    Mono<Void> receive(Flux<String> inbound) {
        return inbound.concatMap(text -> ended.get()
                        ? Mono.<Void>empty()
                        : Mono.defer(() -> accept(TwilioCodec.read(text))).onErrorResume(error -> {
                            log.warn("Call {} failed: {}", streamSid, error.toString());
                            end(PhoneCallMetrics.Outcome.FAILED);
                            return Mono.empty();
                        }))
                // The socket closed without a stop: the caller is gone (a no-op after a stop).
                .doFinally(signal -> end(PhoneCallMetrics.Outcome.DROPPED))
                .then();
    }

    /** The messages for Twilio: paced speech, marks and clears; completes once the call is over. */
    Flux<TwilioMessage.Outbound> outbound() {
        return Flux.merge(control.asFlux(), pacer.frames().concatMapIterable(this::framed));
    }

    /** Whether the call ended because of a failure. */
    boolean failed() {
        return failed;
    }

    private Mono<Void> accept(TwilioMessage.Inbound message) {
        if (message instanceof TwilioMessage.Start start) {
            return start(start);
        }
        if (message instanceof TwilioMessage.Media media) {
            return hear(media);
        }
        if (message instanceof TwilioMessage.Mark mark) {
            log.debug("Call {}: the caller heard {}", streamSid, mark.name());
        } else if (message instanceof TwilioMessage.Stop) {
            end(PhoneCallMetrics.Outcome.COMPLETED);
        }
        return Mono.empty();
    }

    private Mono<Void> start(TwilioMessage.Start start) {
        if (streamSid != null) {
            return Mono.error(new IllegalArgumentException("Twilio message 'start' came twice on stream " + streamSid));
        }
        if (!TwilioMessage.MediaFormat.MULAW_8K.equals(start.mediaFormat())) {
            return Mono.error(new IllegalArgumentException("Twilio message field 'start.mediaFormat' must be "
                    + TwilioMessage.MediaFormat.MULAW_8K + ", was " + start.mediaFormat()));
        }
        streamSid = start.streamSid();
        meters = metrics.started(provider);
        // Parameter names only: their values (the caller's number) are personal data.
        log.info(
                "Call {} (stream {}) started, parameters {}",
                start.callSid(),
                start.streamSid(),
                start.customParameters().keySet());
        return assistant
                .start()
                .doOnNext(started -> {
                    conversation = started;
                    if (ended.get()) {
                        started.close().subscribe(null, error -> log.debug("Closing a late conversation", error));
                        return;
                    }
                    started.events()
                            .subscribe(
                                    this::onEvent, this::onEventsFailed, () -> end(PhoneCallMetrics.Outcome.COMPLETED));
                })
                .then();
    }

    private Mono<Void> hear(TwilioMessage.Media media) {
        Conversation current = conversation;
        if (current == null || !"inbound".equals(media.track())) {
            return Mono.empty();
        }
        byte[] pcm = fromLine.process(media.payload());
        if (pcm.length == 0) {
            return Mono.empty();
        }
        // After the call ended the conversation refuses audio; that is no failure of the call.
        return current.sendAudio(pcm).onErrorResume(error -> ended.get() ? Mono.empty() : Mono.error(error));
    }

    private void onEvent(ConversationEvent event) {
        if (event instanceof ConversationEvent.AudioOut audio) {
            pacer.offer(toLine.process(audio.pcm()));
        } else if (event instanceof ConversationEvent.Interrupted) {
            bargeIn();
        } else if (event instanceof ConversationEvent.TurnEnd) {
            turnEnded();
        } else if (event instanceof ConversationEvent.Transcript transcript) {
            log.debug("Call {}: {} ({}): {}", streamSid, transcript.role(), transcript.stage(), transcript.text());
        } else if (event instanceof ConversationEvent.Closed closed) {
            Throwable error = closed.error();
            if (error != null) {
                log.warn("Call {}: the conversation failed: {}", streamSid, error.toString());
            }
            end(error != null ? PhoneCallMetrics.Outcome.FAILED : PhoneCallMetrics.Outcome.COMPLETED);
        }
    }

    private void onEventsFailed(Throwable error) {
        log.warn("Call {}: the conversation failed: {}", streamSid, error.toString());
        end(PhoneCallMetrics.Outcome.FAILED);
    }

    private void bargeIn() {
        String sid = streamSid;
        synchronized (this) {
            pendingMark = null;
            pacer.clear();
            toLine.flush();
        }
        PhoneCallMetrics.Call call = meters;
        if (call != null) {
            call.bargeIn();
        }
        if (sid != null) {
            emit(new TwilioMessage.Clear(sid));
        }
    }

    private void turnEnded() {
        String sid = streamSid;
        if (sid == null) {
            return;
        }
        TwilioMessage.Outbound now = null;
        synchronized (this) {
            pacer.offer(toLine.flush());
            pacer.finish();
            String name = "turn-" + (++turns);
            if (pacer.queuedFrames() == 0) {
                now = new TwilioMessage.OutboundMark(sid, name);
            } else {
                pendingMark = name;
            }
        }
        if (now != null) {
            emit(now);
        }
    }

    /** A paced frame as a media message, followed by the turn's mark once it was the turn's last frame. */
    private synchronized List<TwilioMessage.Outbound> framed(byte[] frame) {
        String sid = streamSid;
        if (sid == null) {
            return List.of();
        }
        TwilioMessage.Outbound media = new TwilioMessage.OutboundMedia(sid, frame);
        String mark = pendingMark;
        if (mark != null && pacer.queuedFrames() == 0) {
            pendingMark = null;
            return List.of(media, new TwilioMessage.OutboundMark(sid, mark));
        }
        return List.of(media);
    }

    private void emit(TwilioMessage.Outbound message) {
        control.emitNext(message, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    private void end(PhoneCallMetrics.Outcome outcome) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        failed = outcome == PhoneCallMetrics.Outcome.FAILED;
        pacer.clear();
        pacer.complete();
        control.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        Conversation current = conversation;
        if (current != null) {
            current.close()
                    .subscribe(null, error -> log.debug("Closing the conversation of call {}", streamSid, error));
        }
        PhoneCallMetrics.Call call = meters;
        if (call != null) {
            call.ended(outcome);
        }
        log.info("Call on stream {} ended: {}", streamSid, outcome.tag());
    }
}
