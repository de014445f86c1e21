package io.github.awsbidi.docs.examples.core;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.regions.Region;

/** Core without Spring: a SageMaker session from the client factory, one exchange. */
final class CoreWithoutSpring {

    private CoreWithoutSpring() {}

    static void transcribe(List<byte[]> pcmChunks) {
        // spotless:off
        try (BidiClientFactory clients = BidiClientFactory.create()) {          // HTTP/2, SDK retries off, shared clients
            BidirectionalSession asr = SageMakerSession.create("transcriber",
                    clients.sageMaker(ConnectionSettings.defaults().withRegion(Region.EU_WEST_1)),
                    SageMakerSessionSettings.of("my-asr-endpoint").withModelInvocationPath("v1/listen"));

            Flux<Frame> audio = Flux.fromIterable(pcmChunks).map(Frame::binary);  // your 16-bit PCM chunks (byte[])
            asr.exchange(audio)                                  // one HTTP/2 stream per subscription
               .filter(frame -> frame.type() == DataType.UTF8)
               .map(Frame::asString)
               .doOnNext(System.out::println)                     // the model's JSON results
               .blockLast(Duration.ofMinutes(5));
        }
        // spotless:on
    }
}
