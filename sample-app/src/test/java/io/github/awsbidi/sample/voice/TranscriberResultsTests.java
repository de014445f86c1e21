package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriberResultsTests {

    @Test
    void resultsAreInterimUntilFinal() {
        assertThat(TranscriberResults.read("""
                {"type":"Results","is_final":false,"channel":{"alternatives":[{"transcript":"hel"}]}}""")).contains(new PageMessage.Result(true, "hel"));
        assertThat(TranscriberResults.read("""
                {"type":"Results","is_final":true,"channel":{"alternatives":[{"transcript":"hello"}]}}""")).contains(new PageMessage.Result(false, "hello"));
    }

    @Test
    void errorsAreShownAndMetadataIsNot() {
        assertThat(TranscriberResults.read("{\"type\":\"Error\",\"message\":\"bad\"}"))
                .contains(new PageMessage.Error("MODEL", "bad"));
        assertThat(TranscriberResults.read("{\"type\":\"Metadata\",\"total_duration\":1.5}"))
                .isEmpty();
        assertThat(TranscriberResults.read("not json"))
                .hasValueSatisfying(message -> assertThat(message).isInstanceOf(PageMessage.Error.class));
    }
}
