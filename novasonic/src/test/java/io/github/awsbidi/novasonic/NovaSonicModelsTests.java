package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NovaSonicModelsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "amazon.nova-2-5-sonic",
                "amazon.nova-2-sonic-v1:0",
                "amazon.nova-sonic-v1:0",
                "us.amazon.nova-2-5-sonic",
                "arn:aws:bedrock:eu-north-1::foundation-model/amazon.nova-2-sonic-v1:0",
                "AMAZON.NOVA-2-5-SONIC",
                "amazon.nova-3-sonic"
            })
    void novaSonicModels(String modelId) {
        assertThat(NovaSonicModels.isNovaSonic(modelId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "amazon.nova-pro-v1:0",
                "amazon.nova-2-lite-v1:0",
                "echo-model",
                "my-sonic-model",
                "amazon.nova-sonicx",
                ""
            })
    void otherModels(String modelId) {
        assertThat(NovaSonicModels.isNovaSonic(modelId)).isFalse();
    }
}
