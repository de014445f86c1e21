package io.github.awsbidi.emulator.novasonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulator on its own single-threaded scheduler, as the server runs it on a stream's event loop;
 * every call is made on that thread.
 */
final class SimulatorHarness implements AutoCloseable {

    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    final CollectingSink sink = new CollectingSink();

    final NovaSonicSimulator simulator;

    SimulatorHarness(NovaSonicOptions options) {
        // As on a Netty event loop, a cancelled timer leaves the queue at once.
        scheduler.setRemoveOnCancelPolicy(true);
        this.simulator = new NovaSonicSimulator(options, scheduler, sink);
    }

    /** Sends input events one by one, each handled before the call returns. */
    void send(String... events) {
        for (String event : events) {
            onScheduler(() -> simulator.onInput(event));
        }
    }

    void send(List<String> events) {
        send(events.toArray(String[]::new));
    }

    void inputComplete() {
        onScheduler(simulator::onInputComplete);
    }

    /** Runs the task on the scheduler thread and waits for it. */
    void onScheduler(Runnable task) {
        try {
            scheduler.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Waits until the scheduler has run everything due within the given (wall-clock) time. */
    void letTimePass(Duration duration) {
        try {
            scheduler
                    .schedule(() -> {}, duration.toNanos(), TimeUnit.NANOSECONDS)
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException(ex);
        }
    }

    CollectingSink.Ending awaitEnding() {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> sink.ending() != null);
        return sink.ending();
    }

    void awaitEvents(String name, int count) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> sink.events(name).size() >= count);
    }

    CollectingSink.Ending awaitFailure(String exceptionType) {
        CollectingSink.Ending ending = awaitEnding();
        assertThat(ending.kind())
                .as("stream ending, events: %s", sink.describe())
                .isEqualTo("fail");
        assertThat(ending.exceptionType()).as("exception type of %s", ending).isEqualTo(exceptionType);
        return ending;
    }

    @Override
    public void close() {
        if (sink.ending() != null) {
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(5))
                    .untilAsserted(() -> assertThat(scheduler.getQueue())
                            .as("timers left behind after the stream ended")
                            .isEmpty());
        }
        scheduler.shutdownNow();
        assertThat(sink.callsAfterEnd()).as("sink calls after the stream ended").isEmpty();
    }
}
