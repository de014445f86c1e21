package io.github.awsbidi.docs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.netty.channel.ChannelHandler;
import org.reactivestreams.Processor;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The auto-configuration only assembles core objects from properties; it holds no streaming logic. Precisely: no
 * class of it is a Reactive Streams participant (so no Flux or Mono operator of its own), none emits by hand through
 * Reactor's sinks, none touches the SDK's event streams or the services' streaming events, and none handles Netty
 * channels or buffers. Consuming a {@code Mono} (a reactive health check, the shutdown drain) is allowed: that is
 * calling streaming code, not holding it.
 */
@AnalyzeClasses(packages = Modules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class AutoconfigureRulesTests {

    @ArchTest
    static final ArchRule autoconfigureImplementsNoReactiveStreams = noClasses()
            .that()
            .resideInAnyPackage(Modules.AUTOCONFIGURE.packages())
            .should()
            .beAssignableTo(Publisher.class)
            .orShould()
            .beAssignableTo(Subscriber.class)
            .orShould()
            .beAssignableTo(Subscription.class)
            .orShould()
            .beAssignableTo(Processor.class)
            .because("a publisher, subscriber or operator of frames is streaming logic, which lives in core (the"
                    + " exchange engine) or in an operation's module, where its tests run against the emulator");

    @ArchTest
    static final ArchRule autoconfigureEmitsNothingByHand = noClasses()
            .that()
            .resideInAnyPackage(Modules.AUTOCONFIGURE.packages())
            .should()
            .dependOnClassesThat()
            .haveNameMatching(
                    "reactor\\.core\\.publisher\\.(Sinks|FluxSink|MonoSink|Operators|BaseSubscriber)([.$].*)?")
            .because("emitting signals by hand (sinks, Flux.create's FluxSink, Operators) is how streams are built;"
                    + " the auto-configuration only wires the objects that build them");

    @ArchTest
    static final ArchRule autoconfigureTouchesNoEventStream = noClasses()
            .that()
            .resideInAnyPackage(Modules.AUTOCONFIGURE.packages())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon.awssdk.core.eventstream..",
                    "software.amazon.awssdk.awscore.eventstream..",
                    "software.amazon.eventstream..",
                    "software.amazon.awssdk.services.bedrockruntime.model..",
                    "software.amazon.awssdk.services.sagemakerruntimehttp2.model..")
            .orShould()
            .dependOnClassesThat()
            .haveNameMatching("software\\.amazon\\.awssdk\\.services\\.polly\\.model\\."
                    + "(StartSpeechSynthesisStream.*|startspeechsynthesisstream.*|TextEvent|CloseStreamEvent"
                    + "|AudioEvent|StreamClosedEvent|FlushStreamConfiguration)([.$].*)?")
            .because("mapping frames to and from the services' streaming events is the transports' work in core and"
                    + " polly; the auto-configuration builds clients (and calls the control plane for health), never"
                    + " the streaming operations");

    @ArchTest
    static final ArchRule autoconfigureHandlesNoNettyChannels = noClasses()
            .that()
            .resideInAnyPackage(Modules.AUTOCONFIGURE.packages())
            .should()
            .beAssignableTo(ChannelHandler.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("io.netty.channel..", "io.netty.buffer..", "io.netty.handler.codec..")
            .because("bytes on the wire are handled by the SDK's Netty client and by the emulator's pipeline; the"
                    + " auto-configuration only sets the client's options through the SDK's builder");
}
