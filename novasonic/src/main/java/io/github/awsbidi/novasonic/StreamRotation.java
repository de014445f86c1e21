package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.novasonic.RotationTimers.Timer;
import io.github.awsbidi.novasonic.event.NovaSonicCodec;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The streams of one conversation: the current {@link Leg}, the pre-opened next one, renewal for every cause
 * ({@link RenewalCause}) and recovery after recoverable errors. Every method runs under the conversation's
 * lock ({@code lock}); timer and subscription callbacks take it first.
 *
 * <p>A renewal is requested with a cause: the next stream is opened and started (sessionStart, promptStart,
 * system prompts), and becomes current at the next turn boundary, or when forced ({@code renewal.forceAfter}
 * later, or at once for {@link RenewalCause#ASSISTANT_SILENCE}). The {@link StreamHost} then hands it the history
 * and the latest user audio; the old stream is closed in the background.
 */
final class StreamRotation {

    private static final System.Logger LOG = System.getLogger(StreamRotation.class.getName());

    /** How long a closing stream may take to end by itself before it is reset. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    /** Encoded events that may wait for the HTTP/2 window, per stream (~30 s of audio). */
    static final int OUTBOUND_FRAMES = 1024;

    private final Object lock;
    private final BidirectionalSession session;
    private final Supplier<NovaSonicSettings> settings;
    private final Scheduler scheduler;
    private final StreamHost host;
    private final CredentialsWatch credentials;
    private final NovaSonicCodec codec = new NovaSonicCodec();
    private final String owner;
    private final RotationTimers timers;

    private @Nullable Leg current;
    private @Nullable Leg next;
    private boolean preOpening;
    private @Nullable RenewalCause due;
    private boolean forceDue;
    private int streams;
    private int recoveryAttempts;
    private String recoveryReason = "";

    StreamRotation(
            Object lock,
            String owner,
            BidirectionalSession session,
            Supplier<NovaSonicSettings> settings,
            Scheduler scheduler,
            @Nullable IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            StreamHost host) {
        this.lock = lock;
        this.owner = owner;
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
        this.timers = new RotationTimers(scheduler);
        this.credentials = new CredentialsWatch(credentials);
        this.host = host;
    }

    @Nullable
    Leg current() {
        return current;
    }

    /** Takes the first stream. */
    void begin(Exchange exchange) {
        Leg leg = newLeg(exchange);
        leg.sequencer().start();
        adopt(leg, null, "first stream");
    }

    /** The current stream produced output; any output ends a recovery streak. */
    void outputSeen() {
        recoveryAttempts = 0;
    }

    /** The assistant spoke on {@code leg}: the assistant-silence clock starts again. */
    void assistantSpoke(Leg leg) {
        if (leg == current) {
            scheduleSilence(leg);
        }
    }

    /** Asks for a renewal; it happens at the next turn boundary (or when forced). */
    void request(RenewalCause cause) {
        Leg leg = current;
        if (leg == null || !host.running() || !settings.get().renewal().enabled()) {
            return;
        }
        if (cause == RenewalCause.TOOL_CHANGE && next != null) {
            // The pre-opened stream declared the old tools.
            next.cancel();
            next = null;
            timers.cancel(Timer.IDLE);
        }
        if (due == null || cause == RenewalCause.TOOL_CHANGE) {
            due = cause;
            timers.start(
                    Timer.FORCE, () -> onForce(leg), settings.get().renewal().forceAfter());
        }
        if (cause == RenewalCause.ASSISTANT_SILENCE) {
            forceDue = true;
        }
        preOpen();
        tryHandOff();
    }

    /** Moves now if a renewal is due and the conversation is at a turn boundary. */
    void tryHandOff() {
        Leg active = current;
        if (host.running() && due != null && next != null && active != null && host.atTurnBoundary(active)) {
            handOff(describe(due, active));
        }
    }

    /** Stops everything; streams are closed gracefully when {@code graceful}, else reset. */
    @Nullable
    Leg stop(boolean graceful) {
        timers.cancelAll();
        if (next != null) {
            next.cancel();
            next = null;
        }
        Leg leg = current;
        if (!graceful && leg != null) {
            leg.cancel();
            current = null;
        }
        return leg;
    }

    // ---- streams ----

    private Leg newLeg(Exchange exchange) {
        streams++;
        Leg leg = new Leg("stream " + streams + " of " + owner, exchange, settings.get(), codec, OUTBOUND_FRAMES);
        leg.run(
                event -> {
                    synchronized (lock) {
                        host.output(leg, event);
                    }
                },
                error -> scheduler.schedule(() -> onLegEnd(leg, error)));
        return leg;
    }

    private void adopt(Leg leg, @Nullable RenewalCause cause, String reason) {
        current = leg;
        due = null;
        forceDue = false;
        timers.cancel(Timer.FORCE);
        NovaSonicSettings.Renewal renewal = settings.get().renewal();
        if (renewal.enabled()) {
            timers.start(Timer.RENEWAL, () -> onTimer(leg, RenewalCause.AGE), renewal.threshold());
            scheduleSilence(leg);
            scheduleCredentialsRenewal(leg, renewal.credentialsLead());
        }
        host.adopted(leg, cause, reason);
    }

    private void scheduleSilence(Leg leg) {
        NovaSonicSettings.Renewal renewal = settings.get().renewal();
        if (renewal.enabled()) {
            timers.start(Timer.SILENCE, () -> onTimer(leg, RenewalCause.ASSISTANT_SILENCE), renewal.assistantSilence());
        }
    }

    private void scheduleCredentialsRenewal(Leg leg, Duration lead) {
        credentials.untilRenewal(lead, left -> {
            synchronized (lock) {
                if (leg == current) {
                    timers.start(Timer.CREDENTIALS, () -> onTimer(leg, RenewalCause.CREDENTIALS_EXPIRY), left);
                }
            }
        });
    }

    private void onTimer(Leg leg, RenewalCause cause) {
        synchronized (lock) {
            if (leg == current) {
                request(cause);
            }
        }
    }

    private void onForce(Leg leg) {
        synchronized (lock) {
            if (!host.running() || leg != current || due == null) {
                return;
            }
            forceDue = true;
            if (next != null) {
                handOff(forced(due));
            }
        }
    }

    private String forced(RenewalCause cause) {
        return cause == RenewalCause.ASSISTANT_SILENCE
                ? "renewal forced (" + cause.tag() + "): no assistant audio within "
                        + settings.get().renewal().assistantSilence()
                : "renewal forced (" + cause.tag() + "): no turn boundary within "
                        + settings.get().renewal().forceAfter();
    }

    private static String describe(RenewalCause cause, Leg leg) {
        return "session renewal (" + cause.tag() + ") after " + leg.age().toSeconds() + " s";
    }

    private void preOpen() {
        if (!host.running() || preOpening || next != null) {
            return;
        }
        preOpening = true;
        session.open().subscribe(this::onPreOpened, this::onPreOpenFailed);
    }

    private void preOpenLocked() {
        synchronized (lock) {
            preOpen();
        }
    }

    private void onPreOpened(Exchange exchange) {
        synchronized (lock) {
            preOpening = false;
            if (!host.running() || (due == null && current != null)) {
                exchange.cancel();
                return;
            }
            Leg leg = newLeg(exchange);
            leg.sequencer().start();
            next = leg;
            timers.start(
                    Timer.IDLE,
                    () -> onPreOpenedIdle(leg),
                    settings.get().renewal().preOpenedIdleLimit());
            if (current == null) {
                // The current stream failed while this one was opening: recover onto it.
                timers.cancel(Timer.RECOVERY);
                reopen();
            } else if (forceDue && due != null) {
                handOff(forced(due));
            } else {
                tryHandOff();
            }
        }
    }

    private void onPreOpenFailed(Throwable error) {
        synchronized (lock) {
            preOpening = false;
            if (host.running() && due != null) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "{0}: could not pre-open the next stream: {1}",
                        owner,
                        message(error));
                timers.schedule(this::preOpenLocked, settings.get().recovery().maxBackoff());
            }
        }
    }

    private void onPreOpenedIdle(Leg leg) {
        synchronized (lock) {
            if (!host.running() || next != leg) {
                return;
            }
            // A stream that waited too long may have been dropped by the service: start a fresh one.
            next = null;
            leg.closeGracefully(CLOSE_GRACE, scheduler);
            preOpen();
        }
    }

    private void handOff(String reason) {
        Leg old = current;
        Leg fresh = next;
        RenewalCause cause = due;
        if (fresh == null || cause == null) {
            return;
        }
        next = null;
        timers.cancel(Timer.IDLE);
        if (old != null) {
            host.leaving(old);
        }
        adopt(fresh, cause, reason);
        if (old != null) {
            old.closeGracefully(CLOSE_GRACE, scheduler);
        }
    }

    // ---- failures and recovery ----

    private void onLegEnd(Leg leg, @Nullable Throwable error) {
        synchronized (lock) {
            if (!host.running() && leg != current) {
                leg.cancel();
                return;
            }
            if (leg == next) {
                next = null;
                timers.cancel(Timer.IDLE);
                leg.cancel();
                if (host.running() && due != null) {
                    timers.schedule(
                            this::preOpenLocked, settings.get().recovery().initialBackoff());
                }
                return;
            }
            if (leg != current) {
                // A replaced stream ended, as it should.
                leg.cancel();
                return;
            }
            current = null;
            leg.cancel();
            host.leaving(leg);
            timers.cancel(Timer.RENEWAL);
            timers.cancel(Timer.FORCE);
            timers.cancel(Timer.SILENCE);
            timers.cancel(Timer.CREDENTIALS);
            if (!host.running()) {
                host.failed("closed", null);
                return;
            }
            recoverOrFail(error == null ? "the service ended the stream" : message(error), error);
        }
    }

    private void recoverOrFail(String reason, @Nullable Throwable error) {
        NovaSonicSettings.Recovery recovery = settings.get().recovery();
        boolean recoverable =
                error == null || (error instanceof BidiStreamException && ((BidiStreamException) error).retryable());
        if (!recoverable || !recovery.enabled() || recoveryAttempts >= recovery.maxAttempts()) {
            host.failed(reason, error);
            return;
        }
        recoveryAttempts++;
        recoveryReason = "recovered from: " + reason;
        host.recovering(error);
        LOG.log(System.Logger.Level.INFO, "{0}: {1}; reconnecting (attempt {2})", owner, reason, recoveryAttempts);
        timers.start(
                Timer.RECOVERY,
                () -> {
                    synchronized (lock) {
                        reopen();
                    }
                },
                settings.get().recovery().backoff(recoveryAttempts));
    }

    private void reopen() {
        if (!host.running() || current != null) {
            return;
        }
        Leg ready = next;
        if (ready != null) {
            next = null;
            timers.cancel(Timer.IDLE);
            adopt(ready, RenewalCause.RECOVERY, recoveryReason);
            return;
        }
        session.open().subscribe(this::onReopened, this::onReopenFailed);
    }

    private void onReopened(Exchange exchange) {
        synchronized (lock) {
            if (!host.running() || current != null) {
                exchange.cancel();
                return;
            }
            Leg leg = newLeg(exchange);
            leg.sequencer().start();
            adopt(leg, RenewalCause.RECOVERY, recoveryReason);
        }
    }

    private void onReopenFailed(Throwable error) {
        synchronized (lock) {
            if (host.running() && current == null) {
                recoverOrFail(message(error), error);
            }
        }
    }

    static String message(Throwable error) {
        return error.getMessage() != null
                ? error.getMessage()
                : error.getClass().getSimpleName();
    }
}
