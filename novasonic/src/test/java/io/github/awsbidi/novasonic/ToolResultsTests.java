package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ToolResultsTests {

    record Forecast(String city, int temperature) {}

    @Test
    void objectsAreSentAsTheyAre() {
        assertThat(ToolResults.success(Map.of("forecast", "sunny"))).isEqualTo("{\"forecast\":\"sunny\"}");
        assertThat(ToolResults.success(new Forecast("Paris", 21))).isEqualTo("{\"city\":\"Paris\",\"temperature\":21}");
        assertThat(ToolResults.success("{\"forecast\": \"rain\"}")).isEqualTo("{\"forecast\":\"rain\"}");
        assertThat(ToolResults.success(JsonMapper.builder().build().readTree("{\"a\":1}")))
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void otherValuesAreWrapped() {
        assertThat(ToolResults.success("sunny")).isEqualTo("{\"result\":\"sunny\"}");
        assertThat(ToolResults.success("{not json")).isEqualTo("{\"result\":\"{not json\"}");
        assertThat(ToolResults.success(42)).isEqualTo("{\"result\":42}");
        assertThat(ToolResults.success(List.of(1, 2))).isEqualTo("{\"result\":[1,2]}");
        assertThat(ToolResults.success(null)).isEqualTo("{\"result\":null}");
    }

    @Test
    void failuresBecomeErrorResults() {
        assertThat(ToolResults.error(new IllegalStateException("weather service down")))
                .isEqualTo("{\"error\":\"weather service down\"}");
        assertThat(ToolResults.error(new NullPointerException())).isEqualTo("{\"error\":\"NullPointerException\"}");
    }
}
