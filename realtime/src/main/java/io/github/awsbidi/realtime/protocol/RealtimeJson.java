package io.github.awsbidi.realtime.protocol;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapping of the protocol: snake_case field names, as the GA protocol spells them. */
public final class RealtimeJson {

    /** Reads client events and writes server events. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private RealtimeJson() {}

    /** The JSON text of a server event. */
    public static String write(ServerEvent event) {
        return MAPPER.writeValueAsString(event);
    }
}
