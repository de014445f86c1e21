package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.ExchangeGate;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.novasonic.Conversation;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import reactor.core.publisher.Flux;

/**
 * Closing the context while a plain bean (no web request) holds an exchange: the exchange finishes, new ones are
 * refused with the shutting-down error, readiness refuses traffic, Nova Sonic conversations close cleanly, and only
 * then do the clients close.
 */
class SessionDrainTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class,
                    NovaSonicAutoConfiguration.class))
            .withPropertyValues(
                    "aws.bidi.emulator.enabled=true",
                    "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
                    "aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-2-sonic-v1:0")
            .withBean(Readiness.class, Readiness::new);

    @Test
    void anExchangeHeldByABeanFinishesWhileNewOnesAreRefused() {
        contextRunner.run(context -> {
            BidirectionalSession echo = context.getBean("echo", BidirectionalSession.class);
            ExchangeGate gate = context.getBean(ExchangeGate.class);
            Exchange exchange = echo.open().block(TIMEOUT);
            List<String> received = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            exchange.responses()
                    .map(frame -> frame.asString())
                    .subscribe(received::add, done::completeExceptionally, () -> done.complete(null));
            exchange.send(Frame.text("before close")).block(TIMEOUT);
            await().atMost(TIMEOUT).until(() -> received.size() == 1);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context.getSourceApplicationContext()::close);
            await().atMost(TIMEOUT).until(gate::isClosed);
            assertThat(context.getBean(Readiness.class).states).contains(ReadinessState.REFUSING_TRAFFIC);

            AtomicReference<Throwable> refused = new AtomicReference<>();
            echo.exchange(Flux.just(Frame.text("too late"))).collectList().subscribe(null, refused::set);
            await().atMost(TIMEOUT).until(() -> refused.get() != null);
            assertThat(refused.get()).isInstanceOfSatisfying(BidiStreamException.class, error -> {
                assertThat(ExchangeGate.isShuttingDown(error)).isTrue();
                assertThat(error.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                assertThat(error.retryable()).isFalse();
                assertThat(error.getMessage()).contains("session 'echo'").contains("shutting down");
            });

            // Still draining: the held exchange keeps its stream and its client.
            assertThat(closing).isNotDone();
            for (int i = 1; i <= 3; i++) {
                exchange.send(Frame.text("during drain " + i)).block(TIMEOUT);
            }
            exchange.complete();
            done.get(30, TimeUnit.SECONDS);
            closing.get(30, TimeUnit.SECONDS);
            assertThat(received).containsExactly("before close", "during drain 1", "during drain 2", "during drain 3");
        });
    }

    @Test
    void aNovaSonicConversationIsClosedWithItsClosingSequence() {
        contextRunner.run(context -> {
            NovaSonic novaSonic = context.getBean("assistantNovaSonic", NovaSonic.class);
            Conversation conversation = novaSonic.start().block(TIMEOUT);
            List<ConversationEvent> events = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            conversation.events().subscribe(events::add, ended::completeExceptionally, () -> ended.complete(null));
            assertThat(novaSonic.openConversations()).isEqualTo(1);

            context.getSourceApplicationContext().close();

            ended.get(30, TimeUnit.SECONDS);
            assertThat(events).last().isInstanceOfSatisfying(ConversationEvent.Closed.class, closed -> {
                assertThat(closed.reason()).isEqualTo("closed by the client");
                assertThat(closed.error()).isNull();
            });
            assertThat(novaSonic.openConversations()).isZero();
        });
    }

    @Test
    void aDrainThatRunsOutOfTimeStillClosesTheContext() {
        contextRunner.withPropertyValues("aws.bidi.shutdown.timeout=500ms").run(context -> {
            Exchange exchange =
                    context.getBean("echo", BidirectionalSession.class).open().block(TIMEOUT);
            ExchangeGate gate = context.getBean(ExchangeGate.class);
            CompletableFuture<Void> done = new CompletableFuture<>();
            exchange.responses().subscribe(null, done::completeExceptionally, () -> done.complete(null));
            context.getSourceApplicationContext().close();
            // The exchange never completed: the drain gave up and the client factory's close ended it.
            assertThat(gate.isClosed()).isTrue();
            done.handle((ignored, error) -> null).get(30, TimeUnit.SECONDS);
        });
    }

    @Test
    void aPausedContextKeepsItsConversationsAndAStoppedOneTakesExchangesWhenStartedAgain() {
        contextRunner.run(context -> {
            NovaSonic novaSonic = context.getBean("assistantNovaSonic", NovaSonic.class);
            Conversation conversation = novaSonic.start().block(TIMEOUT);
            BidirectionalSession echo = context.getBean("echo", BidirectionalSession.class);

            // What Spring's test context cache does to a context it is not using: the sessions are left alone.
            context.getSourceApplicationContext().pause();
            assertThat(context.getBean(ExchangeGate.class).isClosed()).isFalse();
            assertThat(context.getBean(Readiness.class).states).doesNotContain(ReadinessState.REFUSING_TRAFFIC);
            assertThat(novaSonic.openConversations()).isEqualTo(1);
            context.getSourceApplicationContext().restart();
            assertThat(echo.exchange(Flux.just(Frame.text("after pause")))
                            .map(Frame::asString)
                            .collectList()
                            .block(TIMEOUT))
                    .containsExactly("after pause");
            conversation.close().block(TIMEOUT);

            // Stopped, the sessions drain; started again, they take exchanges and report ready.
            context.getSourceApplicationContext().stop();
            assertThat(context.getBean(ExchangeGate.class).isClosed()).isTrue();
            context.getSourceApplicationContext().start();
            assertThat(echo.exchange(Flux.just(Frame.text("after restart")))
                            .map(Frame::asString)
                            .collectList()
                            .block(TIMEOUT))
                    .containsExactly("after restart");
            assertThat(context.getBean(Readiness.class).states)
                    .endsWith(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC);
        });
    }

    static final class Readiness implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

        final List<ReadinessState> states = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
            states.add(event.getState());
        }
    }
}
