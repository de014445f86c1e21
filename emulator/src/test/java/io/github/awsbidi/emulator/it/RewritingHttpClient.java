package io.github.awsbidi.emulator.it;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * Changes each request and its body after the SDK signed them, just before they go on the wire: the only
 * place a test can take the signature away, break it, or cut a signed envelope short (execution
 * interceptors run before signing).
 */
final class RewritingHttpClient implements SdkAsyncHttpClient {

    private final SdkAsyncHttpClient delegate;
    private final UnaryOperator<SdkHttpRequest> rewrite;
    private final UnaryOperator<SdkHttpContentPublisher> rewriteBody;

    RewritingHttpClient(
            SdkAsyncHttpClient delegate,
            UnaryOperator<SdkHttpRequest> rewrite,
            UnaryOperator<SdkHttpContentPublisher> rewriteBody) {
        this.delegate = delegate;
        this.rewrite = rewrite;
        this.rewriteBody = rewriteBody;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        AsyncExecuteRequest.Builder rewritten = AsyncExecuteRequest.builder()
                .request(rewrite.apply(request.request()))
                .requestContentPublisher(rewriteBody.apply(request.requestContentPublisher()))
                .responseHandler(request.responseHandler())
                .fullDuplex(request.fullDuplex())
                .httpExecutionAttributes(request.httpExecutionAttributes());
        request.metricCollector().ifPresent(rewritten::metricCollector);
        return delegate.execute(rewritten.build());
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
