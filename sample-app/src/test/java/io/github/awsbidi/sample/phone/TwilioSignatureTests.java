package io.github.awsbidi.sample.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature with the example values Twilio's request validation documentation publishes. */
class TwilioSignatureTests {

    // Twilio's example: auth token 12345, this URL and these POST parameters give this X-Twilio-Signature.
    private static final TwilioSignature TWILIO = new TwilioSignature("12345");
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, List<String>> PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675309"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675309"),
            "To", List.of("+18005551212"));
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void signsTwiliosPublishedExample() {
        assertThat(TWILIO.sign(URL, PARAMS)).isEqualTo(SIGNATURE);
        assertThat(TWILIO.verify(URL, PARAMS, SIGNATURE)).isTrue();
    }

    @Test
    void acceptsTheUrlWithAndWithoutTheDefaultPort() {
        assertThat(TWILIO.verify("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS, SIGNATURE))
                .isTrue();
        String signedWithPort = TWILIO.sign("https://mycompany.com:443/myapp.php?foo=1&bar=2", PARAMS);
        assertThat(TWILIO.verify(URL, PARAMS, signedWithPort)).isTrue();
        assertThat(TwilioSignature.withDefaultPort("wss://example.app/twilio/media"))
                .isEqualTo("wss://example.app:443/twilio/media");
        assertThat(TwilioSignature.withoutDefaultPort("wss://example.app:443/twilio/media"))
                .isEqualTo("wss://example.app/twilio/media");
        // Another port is another URL.
        assertThat(TWILIO.verify("https://mycompany.com:8443/myapp.php?foo=1&bar=2", PARAMS, SIGNATURE))
                .isFalse();
    }

    @Test
    void refusesAnotherTokenUrlParameterOrNoSignature() {
        assertThat(new TwilioSignature("54321").verify(URL, PARAMS, SIGNATURE)).isFalse();
        assertThat(TWILIO.verify("https://mycompany.com/myapp.php?foo=1&bar=3", PARAMS, SIGNATURE))
                .isFalse();
        assertThat(TWILIO.verify("http://mycompany.com/myapp.php?foo=1&bar=2", PARAMS, SIGNATURE))
                .isFalse();
        Map<String, List<String>> changed = new java.util.HashMap<>(PARAMS);
        changed.put("Digits", List.of("9999"));
        assertThat(TWILIO.verify(URL, changed, SIGNATURE)).isFalse();
        assertThat(TWILIO.verify(URL, PARAMS, null)).isFalse();
        assertThat(TWILIO.verify(URL, PARAMS, "")).isFalse();
    }
}
