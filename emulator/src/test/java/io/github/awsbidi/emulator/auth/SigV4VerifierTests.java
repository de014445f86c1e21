package io.github.awsbidi.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class SigV4VerifierTests {

    private static final Instant NOW = Instant.parse("2025-11-20T10:15:30.250Z");

    private final SteppingClock serverClock = SteppingClock.fixed(NOW);

    private final SigV4Verifier verifier = new SigV4Verifier(
            CredentialStore.of(List.of(new AwsCredential("test", "test"), new AwsCredential("AKIDOTHER", "s3cr3t"))),
            this.serverClock);

    private final SdkSigning sdk = new SdkSigning("test", "test", SteppingClock.fixed(NOW));

    @Test
    void acceptsTheSdksBedrockStreamingRequest() throws SignatureException {
        SignedRequest request = bedrockStreamingRequest();
        assertThat(request.rawPath()).isEqualTo(SdkSigning.BEDROCK_PATH);
        assertThat(request.header("x-amz-content-sha256")).contains("STREAMING-AWS4-HMAC-SHA256-EVENTS");
        assertThat(request.header("authorization").orElseThrow()).contains("/us-east-1/bedrock/aws4_request");

        VerifiedRequest verified = this.verifier.verify(request);

        assertThat(verified.accessKeyId()).isEqualTo("test");
        assertThat(verified.region()).isEqualTo("us-east-1");
        assertThat(verified.service()).isEqualTo("bedrock");
        assertThat(verified.signingTime()).isEqualTo(Instant.parse("2025-11-20T10:15:30Z"));
        assertThat(verified.chunkChain().finalChunkSeen()).isFalse();
    }

    @Test
    void acceptsTheSdksSageMakerStreamingRequestOnAPort() throws SignatureException {
        SdkHttpRequest unsigned = SdkSigning.streamingRequest(
                        "runtime.sagemaker.us-east-1.amazonaws.com:8443", SdkSigning.SAGEMAKER_PATH)
                .putHeader("X-Amzn-SageMaker-Model-Invocation-Path", "v1/listen")
                .build();
        SignedRequest request =
                this.sdk.signStream(unsigned, "sagemaker", List.of()).request();
        assertThat(request.header("host")).contains("runtime.sagemaker.us-east-1.amazonaws.com:8443");

        assertThat(this.verifier.verify(request).service()).isEqualTo("sagemaker");
    }

    @Test
    void acceptsHostCarriedAsHttp2Authority() throws SignatureException {
        SignedRequest request = bedrockStreamingRequest();
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put(":authority", headers.remove("host"));

        assertThat(this.verifier.verify(withHeaders(request, headers)).service())
                .isEqualTo("bedrock");
    }

    @Test
    void acceptsAModelIdSentWithAnUnencodedColon() throws SignatureException {
        SdkHttpRequest unsigned = SdkSigning.streamingRequest(
                        "bedrock-runtime.us-east-1.amazonaws.com",
                        "/model/amazon.nova-2-sonic-v1:0/invoke-with-bidirectional-stream")
                .build();
        SignedRequest request =
                this.sdk.signStream(unsigned, "bedrock", List.of()).request();
        assertThat(request.rawPath()).contains("v1:0");

        assertThat(this.verifier.verify(request).region()).isEqualTo("us-east-1");
    }

    @Test
    void acceptsARequestWithAQueryStringAndBody() throws SignatureException {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(
                        URI.create(
                                "https://api.sagemaker.eu-west-1.amazonaws.com/endpoints/echo/invocations-bidirectional-stream"))
                .putRawQueryParameter("b", "2")
                .putRawQueryParameter("a", List.of("x y", "1", "ü/é"))
                .putRawQueryParameter("empty", "")
                .putRawQueryParameter("tilde~*", "a+b")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "SageMaker.DescribeEndpoint")
                .build();
        byte[] body = "{\"EndpointName\":\"echo\"}".getBytes(StandardCharsets.UTF_8);
        SignedRequest request = this.sdk.sign(unsigned, "sagemaker", body);
        assertThat(request.rawQuery()).contains("a=x%20y");

        VerifiedRequest verified = this.verifier.verify(request);

        assertThat(verified.region()).isEqualTo("eu-west-1");
        assertThat(verified.service()).isEqualTo("sagemaker");
    }

    @Test
    void acceptsTheAwsTestSuiteVanillaGetWithoutAContentHashHeader() throws SignatureException {
        // "get-vanilla" from the AWS SigV4 test suite: no x-amz-content-sha256, so the body is hashed.
        SigV4Verifier suiteVerifier = new SigV4Verifier(
                CredentialStore.of(
                        List.of(new AwsCredential("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))),
                SteppingClock.fixed(Instant.parse("2015-08-30T12:36:00Z")));
        SignedRequest request = new SignedRequest(
                "GET",
                "/",
                "",
                Map.of(
                        "host", List.of("example.amazonaws.com"),
                        "x-amz-date", List.of("20150830T123600Z"),
                        "authorization",
                                List.of(
                                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                                                + "SignedHeaders=host;x-amz-date, "
                                                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
                new byte[0]);

        assertThat(suiteVerifier.verify(request).service()).isEqualTo("service");
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        SignedRequest request = new SdkSigning("test", "not-the-secret", SteppingClock.fixed(NOW))
                .signStream(bedrockUnsigned(), "bedrock", List.of())
                .request();

        assertThatThrownBy(() -> this.verifier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class, ex -> {
                    assertThat(ex.errorType()).isEqualTo("InvalidSignatureException");
                    assertThat(ex.httpStatus()).isEqualTo(403);
                })
                .hasMessageStartingWith(
                        "The request signature we calculated does not match the signature you provided. "
                                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
                .hasMessageContaining("/model/amazon.nova-2-sonic-v1%253A0/invoke-with-bidirectional-stream");
    }

    @Test
    void alteredPathHeaderOrBodyIsAnInvalidSignature() {
        SignedRequest request = bedrockStreamingRequest();
        SignedRequest otherPath = new SignedRequest(
                request.method(),
                request.rawPath().replace("v1%3A0", "v1%3A1"),
                request.rawQuery(),
                request.headers(),
                request.body());
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("content-type", List.of("application/json"));
        SignedRequest otherHeader = withHeaders(request, headers);

        assertErrorType(otherPath, "InvalidSignatureException");
        assertErrorType(otherHeader, "InvalidSignatureException");

        SignedRequest withBody = this.sdk.sign(bedrockUnsignedJson(), "bedrock", "{}".getBytes(StandardCharsets.UTF_8));
        SignedRequest otherBody = new SignedRequest(
                withBody.method(),
                withBody.rawPath(),
                withBody.rawQuery(),
                withBody.headers(),
                "{ }".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> this.verifier.verify(otherBody))
                .hasMessageContaining("x-amz-content-sha256")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void unknownAccessKeyIsAnUnrecognizedClient() {
        SignedRequest request = new SdkSigning("AKIDUNKNOWN", "test", SteppingClock.fixed(NOW))
                .signStream(bedrockUnsigned(), "bedrock", List.of())
                .request();

        assertThatThrownBy(() -> this.verifier.verify(request))
                .hasMessage("The security token included in the request is invalid.")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("UnrecognizedClientException");
    }

    @Test
    void missingAuthorizationIsAMissingToken() {
        SignedRequest request = bedrockStreamingRequest();
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.remove("authorization");

        assertThatThrownBy(() -> this.verifier.verify(withHeaders(request, headers)))
                .hasMessage("Missing Authentication Token")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void mangledAuthorizationIsAnIncompleteSignature() {
        SignedRequest request = bedrockStreamingRequest();
        String authorization = request.header("authorization").orElseThrow();

        assertIncomplete(
                request,
                authorization.replaceAll(", Signature=[0-9a-f]+", ""),
                "Authorization header requires 'Signature' parameter.");
        assertIncomplete(
                request, authorization.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"), "Unsupported AWS 'algorithm'");
        assertIncomplete(request, authorization.replace("aws4_request", "aws5_request"), "valid terminator");
        assertIncomplete(request, authorization.replace("/us-east-1/", "/"), "Credential should be of the form");
        assertIncomplete(request, authorization.replace("SignedHeaders=", "SignedHeaders"), "missing equal-sign");
        assertIncomplete(
                request, authorization.replace("host;", ""), "'Host' or ':authority' must be a 'SignedHeader'");
        assertIncomplete(request, "garbage", "Unsupported AWS 'algorithm': 'garbage'");
    }

    @Test
    void missingOrMalformedDateIsAnIncompleteSignature() {
        SignedRequest request = bedrockStreamingRequest();
        Map<String, List<String>> noDate = new HashMap<>(request.headers());
        noDate.remove("x-amz-date");
        Map<String, List<String>> badDate = new HashMap<>(request.headers());
        badDate.put("x-amz-date", List.of("2025-11-20T10:15:30Z"));

        assertThatThrownBy(() -> this.verifier.verify(withHeaders(request, noDate)))
                .hasMessageContaining("requires existence of either a 'X-Amz-Date' or a 'Date' header")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("IncompleteSignatureException");
        assertThatThrownBy(() -> this.verifier.verify(withHeaders(request, badDate)))
                .hasMessageContaining("Date must be in ISO-8601 'basic format'")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("IncompleteSignatureException");
    }

    @Test
    void signingTime16MinutesInThePastHasExpired() {
        SignedRequest request = bedrockStreamingRequest();
        this.serverClock.set(NOW.plus(Duration.ofMinutes(16)));

        assertThatThrownBy(() -> this.verifier.verify(request))
                .hasMessage("Signature expired: 20251120T101530Z is now earlier than 20251120T101630Z "
                        + "(20251120T103130Z - 15 min.)")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void signingTime16MinutesInTheFutureIsNotYetCurrent() {
        SignedRequest request = bedrockStreamingRequest();
        this.serverClock.set(NOW.minus(Duration.ofMinutes(16)));

        assertThatThrownBy(() -> this.verifier.verify(request))
                .hasMessage("Signature not yet current: 20251120T101530Z is still later than 20251120T101430Z "
                        + "(20251120T095930Z + 15 min.)")
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void signingTime14MinutesAwayIsAccepted() throws SignatureException {
        SignedRequest request = bedrockStreamingRequest();
        this.serverClock.set(NOW.plus(Duration.ofMinutes(14)));
        assertThat(this.verifier.verify(request).service()).isEqualTo("bedrock");
        this.serverClock.set(NOW.minus(Duration.ofMinutes(14)));
        assertThat(this.verifier.verify(request).service()).isEqualTo("bedrock");
    }

    @Test
    void defaultStoreKnowsTestTest() {
        assertThat(CredentialStore.defaults().secretFor("test")).contains("test");
        assertThat(CredentialStore.defaults().secretFor("other")).isEmpty();
    }

    private SignedRequest bedrockStreamingRequest() {
        return this.sdk.signStream(bedrockUnsigned(), "bedrock", List.of()).request();
    }

    private static SdkHttpRequest bedrockUnsigned() {
        return SdkSigning.streamingRequest("bedrock-runtime.us-east-1.amazonaws.com", SdkSigning.BEDROCK_PATH)
                .build();
    }

    private static SdkHttpRequest bedrockUnsignedJson() {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://bedrock-runtime.us-east-1.amazonaws.com" + SdkSigning.BEDROCK_PATH))
                .putHeader("Content-Type", "application/json")
                .build();
    }

    private void assertErrorType(SignedRequest request, String errorType) {
        assertThatThrownBy(() -> this.verifier.verify(request))
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo(errorType);
    }

    private void assertIncomplete(SignedRequest request, String authorization, String message) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("authorization", List.of(authorization));
        assertThatThrownBy(() -> this.verifier.verify(withHeaders(request, headers)))
                .as(authorization)
                .hasMessageContaining(message)
                .extracting(ex -> ((SignatureException) ex).errorType())
                .isEqualTo("IncompleteSignatureException");
    }

    private static SignedRequest withHeaders(SignedRequest request, Map<String, List<String>> headers) {
        return new SignedRequest(
                request.method(), request.rawPath(), request.rawQuery(), new HashMap<>(headers), request.body());
    }
}
