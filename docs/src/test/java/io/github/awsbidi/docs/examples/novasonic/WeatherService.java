package io.github.awsbidi.docs.examples.novasonic;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The application's own service the example's tool calls; the model may leave the location out. */
@Service
class WeatherService {

    String current(@Nullable String location) {
        return "{\"location\":\"" + location + "\",\"forecast\":\"sunny\"}";
    }
}
