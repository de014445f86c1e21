package io.github.awsbidi.sample;

import io.github.awsbidi.core.BidirectionalSession;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every configured session by name: the one place the WebSocket bridge and the controller look sessions up. */
@Component
public class Sessions {

    private final Map<String, BidirectionalSession> byName = new TreeMap<>();

    public Sessions(List<BidirectionalSession> sessions) {
        sessions.forEach(session -> byName.put(session.name(), session));
    }

    /** The session of that name, if configured. */
    public Optional<BidirectionalSession> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every session, ordered by name. */
    public Collection<BidirectionalSession> all() {
        return byName.values();
    }
}
