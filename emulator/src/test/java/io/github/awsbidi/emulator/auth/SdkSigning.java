package io.github.awsbidi.emulator.auth;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests with the real AWS SDK signer, and turns the result into what the emulator sees. */
final class SdkSigning {

    static final String BEDROCK_PATH = "/model/amazon.nova-2-sonic-v1%3A0/invoke-with-bidirectional-stream";

    static final String SAGEMAKER_PATH = "/endpoints/echo/invocations-bidirectional-stream";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    private final String accessKey;

    private final String secret;

    private final Clock clock;

    SdkSigning(String accessKey, String secret, Clock clock) {
        this.accessKey = accessKey;
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * An event-stream request as the SDK builds it before signing, plus one header with runs of
     * spaces, which SigV4 collapses in the canonical form.
     */
    static SdkHttpRequest.Builder streamingRequest(String host, String encodedPath) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://" + host + encodedPath))
                .putHeader("Content-Type", "application/vnd.amazon.eventstream")
                .putHeader("X-Test-Spaced", "  a   b ");
    }

    /** Signs an event-stream request and its events; returns the signed request and each signed frame. */
    SignedStream signStream(SdkHttpRequest request, String service, List<byte[]> events) {
        AsyncSignRequest<AwsCredentialsIdentity> signRequest = AsyncSignRequest.builder(
                        AwsCredentialsIdentity.create(this.accessKey, this.secret))
                .request(request)
                .payload(Flux.fromIterable(events).map(ByteBuffer::wrap))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, this.clock)
                .build();
        AsyncSignedRequest signed = this.signer.signAsync(signRequest).join();
        List<byte[]> frames = Flux.from(signed.payload().orElseThrow())
                .map(SdkSigning::bytes)
                .collectList()
                .block();
        return new SignedStream(toWire(signed.request(), new byte[0]), frames);
    }

    /** Signs a request with a whole body, as for a control-plane call. */
    SignedRequest sign(SdkHttpRequest request, String service, byte[] body) {
        SignRequest<AwsCredentialsIdentity> signRequest = SignRequest.builder(
                        AwsCredentialsIdentity.create(this.accessKey, this.secret))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, this.clock)
                .build();
        return toWire(this.signer.sign(signRequest).request(), body);
    }

    /** What a server sees: raw path and query as sent, header names in lower case. */
    static SignedRequest toWire(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return new SignedRequest(
                request.method().name(),
                request.encodedPath(),
                request.encodedQueryParameters().orElse(""),
                headers,
                body);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    record SignedStream(SignedRequest request, List<byte[]> frames) {}
}
