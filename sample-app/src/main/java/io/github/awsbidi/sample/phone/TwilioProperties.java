package io.github.awsbidi.sample.phone;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Twilio bridge.
 *
 * @param publicHost host (and port, if not 443) under which Twilio reaches this application, e.g. a tunnel's
 *     {@code abc123.example.app}; unset takes it from each webhook request's {@code X-Forwarded-Host} or {@code Host}
 * @param authToken the Twilio account's auth token, which verifies the {@code X-Twilio-Signature} of the webhook and
 *     of the Media Stream's upgrade request; unset turns the phone endpoints off (nobody could tell Twilio from anyone
 *     else)
 */
@ConfigurationProperties("sample.twilio")
public record TwilioProperties(
        @Nullable String publicHost, @Nullable String authToken) {

    // A host name or IPv4 address with an optional port: it ends up inside TwiML and a wss:// URL.
    static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})(:[0-9]{1,5})?$");

    public TwilioProperties {
        if (publicHost != null
                && !publicHost.isBlank()
                && !HOST.matcher(publicHost).matches()) {
            throw new IllegalArgumentException("sample.twilio.public-host must be a host name with an optional "
                    + "port (no scheme, no path), was '" + publicHost + "'");
        }
    }

    @Override
    public String toString() {
        // Never the token: it is the account's key.
        return "TwilioProperties[publicHost=" + publicHost + ", authToken=" + (authToken == null ? "unset" : "***")
                + "]";
    }
}
