package io.github.awsbidi.core.it;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records listener callbacks as strings, in order. */
final class RecordingListener implements ExchangeListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void opened(ExchangeContext exchange) {
        events.add("opened " + exchange.sessionName());
    }

    @Override
    public void retrying(ExchangeContext exchange, int attempt, BidiStreamException cause, Duration delay) {
        events.add("retrying after attempt " + attempt + " " + cause.kind());
    }

    @Override
    public void frameSent(ExchangeContext exchange, int bytes, long nanoTime) {
        events.add("sent " + bytes);
    }

    @Override
    public void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {
        events.add("received " + bytes);
    }

    @Override
    public void firstResponse(ExchangeContext exchange, long nanoTime) {
        events.add("first response");
    }

    @Override
    public void error(ExchangeContext exchange, ErrorKind kind, Throwable error) {
        events.add("error " + kind);
    }

    @Override
    public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
        events.add("closed " + outcome);
    }

    long count(String prefix) {
        return events.stream().filter(event -> event.startsWith(prefix)).count();
    }
}
