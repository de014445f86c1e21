package io.github.awsbidi.docs.examples.testing;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.testcontainers.BidiEmulatorContainer;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

// Testing with containers, "Testcontainers and @ServiceConnection". Compiled, not run: it needs Docker and the
// emulator image (the module's surefire configuration leaves the examples out).
// spotless:off
@Testcontainers
@SpringBootTest(properties = {
        "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
        "aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-2-sonic-v1:0" })
class ContainerTests {

    @Container
    @ServiceConnection
    static BidiEmulatorContainer emulator = new BidiEmulatorContainer()     // aws-bidi-emulator:<this version>
            .withConfigFile(Path.of("src/test/resources/emulator.json"))   // endpoints, models, faults
            .withTls()                                                      // its certificate is trusted for you
            .withCredentials("AKIDTEST", "test-secret");

    @Autowired @Qualifier("echo") BidirectionalSession echo;
    // …
}
// spotless:on
