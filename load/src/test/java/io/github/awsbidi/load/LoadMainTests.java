package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadMainTests {

    @Test
    void badOptionsExitWithStatusTwoNamingTheOptionBeforeAnythingStarts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LoadMain.run(
                new String[] {"--target", "sagemaker:echo", "--sessions", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("aws-bidi load: --sessions: must be between 1 and 20000, was 0")
                .contains("usage: java -jar aws-bidi-load.jar");
    }

    @Test
    void moreSessionsThanTheHeapHoldsAreRefusedWithTheHeapToAskFor() {
        long max = Runtime.getRuntime().maxMemory();

        assertThat(LoadMain.heapProblem(1)).isNull();
        // 20,000 sessions need about 88 GB: more than any test JVM's heap.
        assertThat(LoadMain.heapProblem(LoadOptions.MAX_SESSIONS))
                .startsWith("20000 sessions need a heap of about 90256 MB")
                .contains("but the maximum is " + (max >> 20) + " MB: run java -Xmx89g -jar ...");
    }
}
