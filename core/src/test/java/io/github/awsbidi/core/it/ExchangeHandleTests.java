package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.EmulatorStats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.subscriber.TestSubscriber;

class ExchangeHandleTests extends EmulatorSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Wire.class)
    void sendCompleteAndReadResponses(Wire wire) {
        Exchange exchange = sageMaker(wire, "echo").open().block(TIMEOUT);

        Flux.just(Frame.text("one"), Frame.text("two"))
                .concatMap(exchange::send)
                .blockLast(TIMEOUT);
        exchange.complete();

        assertThat(exchange.responses().map(Frame::asString).collectList().block(TIMEOUT))
                .containsExactly("one", "two");
        assertThat(exchange.invokedVariant()).contains("variant-1");
        assertThat(exchange.requestId()).isPresent();
        assertThat(exchange.id()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anOversizedFrameIsRefusedAloneAndAcceptedFramesAreNotLost(Wire wire) {
        Exchange exchange = sageMaker(
                        wire,
                        SageMakerSessionSettings.of("echo"),
                        SessionOptions.defaults().withMaxFrameBytes(4))
                .open()
                .block(TIMEOUT);

        exchange.send(Frame.text("a")).block(TIMEOUT);
        StepVerifier.create(exchange.send(Frame.text("12345")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                BidiStreamException.class,
                                bidi -> assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION))
                        .hasMessageContaining("frame payload is 5 bytes, over the limit of maxFrameBytes=4 bytes"))
                .verify(TIMEOUT);
        exchange.send(Frame.text("b")).block(TIMEOUT);
        exchange.complete();

        assertThat(exchange.responses().map(Frame::asString).collectList().block(TIMEOUT))
                .containsExactly("a", "b");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void cancelResetsTheStream(Wire wire) {
        EmulatorStats stats = emulator(wire).stats();
        long resetBefore = stats.streamsResetByClient();
        Exchange exchange = sageMaker(wire, "echo").open().block(TIMEOUT);
        TestSubscriber<Frame> responses = TestSubscriber.create();
        exchange.responses().subscribe(responses);
        exchange.send(Frame.text("hi")).block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> responses.getReceivedOnNext().size() == 1);

        exchange.cancel();

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(stats.streamsResetByClient()).isEqualTo(resetBefore + 1));
        await().atMost(TIMEOUT).until(responses::isTerminated);
        assertThat(responses.isTerminatedComplete()).isTrue();
        StepVerifier.create(exchange.send(Frame.text("late")))
                .expectError(BidiStreamException.class)
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void openingAnUnknownEndpointDeliversTheErrorToTheResponses(Wire wire) {
        Exchange exchange = sageMaker(wire, "nowhere").open().block(TIMEOUT);

        StepVerifier.create(exchange.responses())
                .expectErrorSatisfies(error ->
                        assertThat(((BidiStreamException) error).kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .verify(TIMEOUT);
        assertThat(List.of(exchange.invokedVariant(), exchange.requestId())).allMatch(java.util.Optional::isEmpty);
    }
}
