package io.github.awsbidi.sample.voice;

import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.novasonic.ToolHandler;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A tool the assistant may call: every {@link NovaSonicTool} bean is declared to every Nova Sonic conversation. */
@Configuration(proxyBeanMethods = false)
class WeatherTool {

    static final String SCHEMA = """
            {"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""";

    @Bean
    NovaSonicTool weather() {
        return new NovaSonicTool(
                "getWeather",
                "Current weather for a city",
                SCHEMA,
                ToolHandler.blocking(call -> Map.of(
                        "location",
                        String.valueOf(call.arguments().get("location")),
                        "temperatureC",
                        21,
                        "sky",
                        "clear")));
    }
}
