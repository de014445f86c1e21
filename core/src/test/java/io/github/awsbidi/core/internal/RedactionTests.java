package io.github.awsbidi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTests {

    @Test
    void sessionTokensAndSignaturesAreRedactedWhereverAServiceQuotesThem() {
        String quoted = "The Canonical String for this request should have been\n'POST\n/model/x\n\n"
                + "host:127.0.0.1:1234\nx-amz-date:20261207T051400Z\nx-amz-security-token:IQoJtoken/+=\n\n"
                + "host;x-amz-date;x-amz-security-token\n'; Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261207/"
                + "us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0123abcd; url ?X-Amz-Signature=ffee"
                + "&X-Amz-Security-Token=Zm9v%2Bbar&X-Amz-Date=1";

        String redacted = Redaction.redact(quoted);

        assertThat(redacted)
                .doesNotContain("IQoJtoken", "0123abcd", "ffee", "Zm9v")
                .contains("x-amz-security-token:[redacted]")
                .contains("Signature=[redacted]")
                .contains("X-Amz-Signature=[redacted]&X-Amz-Security-Token=[redacted]&X-Amz-Date=1")
                // Names of signed headers and the access key id are no secret, and stay for diagnosis.
                .contains("host;x-amz-date;x-amz-security-token\n")
                .contains("Credential=AKID/20261207");
        assertThat(Redaction.holdsSecrets(quoted)).isTrue();
        assertThat(Redaction.holdsSecrets(redacted.replace("[redacted]", ""))).isFalse();
        assertThat(Redaction.redact("nothing secret here")).isEqualTo("nothing secret here");
    }
}
