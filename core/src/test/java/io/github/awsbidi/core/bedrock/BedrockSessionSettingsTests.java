package io.github.awsbidi.core.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.BidiStreamException;
import org.junit.jupiter.api.Test;

class BedrockSessionSettingsTests {

    @Test
    void acceptsModelIdsAndArns() {
        assertThat(BedrockSessionSettings.of("amazon.nova-2-sonic-v1:0").modelId())
                .isEqualTo("amazon.nova-2-sonic-v1:0");
        assertThat(BedrockSessionSettings.of("arn:aws:bedrock:us-east-1:123456789012:inference-profile/x")
                        .modelId())
                .startsWith("arn:");
    }

    @Test
    void rejectsEmptyLongOrSpacedIds() {
        assertThatThrownBy(() -> BedrockSessionSettings.of(" "))
                .isInstanceOf(BidiStreamException.class)
                .hasMessageContaining("modelId must not be empty");
        assertThatThrownBy(() -> BedrockSessionSettings.of("m".repeat(2049)))
                .hasMessageContaining("modelId is 2049 characters long, over the limit of 2048");
        assertThatThrownBy(() -> BedrockSessionSettings.of("amazon.nova sonic"))
                .hasMessageContaining("must not contain whitespace or control characters (at index 11)");
    }
}
