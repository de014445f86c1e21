package io.github.awsbidi.core.listener;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Calls several listeners in order; one failing listener does not keep the others from being called. */
final class CompositeExchangeListener implements ExchangeListener {

    private static final System.Logger LOG = System.getLogger(CompositeExchangeListener.class.getName());

    private final ExchangeListener[] listeners;

    CompositeExchangeListener(List<ExchangeListener> listeners) {
        this.listeners = listeners.toArray(ExchangeListener[]::new);
    }

    @Override
    public void opened(ExchangeContext exchange) {
        each(listener -> listener.opened(exchange));
    }

    @Override
    public void retrying(ExchangeContext exchange, int attempt, BidiStreamException cause, Duration delay) {
        each(listener -> listener.retrying(exchange, attempt, cause, delay));
    }

    @Override
    public void frameSent(ExchangeContext exchange, int bytes, long nanoTime) {
        frameSent(exchange, bytes, false, nanoTime);
    }

    @Override
    public void frameSent(ExchangeContext exchange, int bytes, boolean completesInput, long nanoTime) {
        // A plain loop rather than each(): per-frame callbacks allocate nothing.
        for (ExchangeListener listener : listeners) {
            try {
                listener.frameSent(exchange, bytes, completesInput, nanoTime);
            } catch (RuntimeException e) {
                logFailure(listener, e);
            }
        }
    }

    @Override
    public void frameSent(ExchangeContext exchange, Frame frame, boolean completesInput, long nanoTime) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.frameSent(exchange, frame, completesInput, nanoTime);
            } catch (RuntimeException e) {
                logFailure(listener, e);
            }
        }
    }

    @Override
    public void frameReceived(ExchangeContext exchange, Frame frame, long nanoTime) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.frameReceived(exchange, frame, nanoTime);
            } catch (RuntimeException e) {
                logFailure(listener, e);
            }
        }
    }

    @Override
    public void answered(ExchangeContext exchange, long nanoTime) {
        each(listener -> listener.answered(exchange, nanoTime));
    }

    @Override
    public void requestsCompleted(ExchangeContext exchange, long nanoTime) {
        each(listener -> listener.requestsCompleted(exchange, nanoTime));
    }

    @Override
    public void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.frameReceived(exchange, bytes, nanoTime);
            } catch (RuntimeException e) {
                logFailure(listener, e);
            }
        }
    }

    @Override
    public void firstResponse(ExchangeContext exchange, long nanoTime) {
        each(listener -> listener.firstResponse(exchange, nanoTime));
    }

    @Override
    public void error(ExchangeContext exchange, ErrorKind kind, Throwable error) {
        each(listener -> listener.error(exchange, kind, error));
    }

    @Override
    public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
        each(listener -> listener.closed(exchange, outcome, nanoTime));
    }

    private void each(Consumer<ExchangeListener> call) {
        for (ExchangeListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                logFailure(listener, e);
            }
        }
    }

    private static void logFailure(ExchangeListener listener, RuntimeException e) {
        LOG.log(Level.WARNING, "Exchange listener " + listener + " failed; ignored", e);
    }

    @Override
    public String toString() {
        return "CompositeExchangeListener" + List.of(listeners);
    }
}
