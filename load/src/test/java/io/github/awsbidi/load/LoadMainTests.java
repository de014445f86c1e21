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
        long oneGb = 1024L * 1024 * 1024;

        assertThat(LoadMain.heapProblem(1, oneGb, false)).isNull();
        assertThat(LoadMain.heapProblem(1_000, oneGb, false)).isNull();
        // 256 KB a stream on the current SDK, 4.5 MiB on one that decodes with the old 2 MiB buffer.
        assertThat(LoadMain.heapProblem(LoadOptions.MAX_SESSIONS, oneGb, false))
                .isEqualTo("20000 sessions need a heap of about 5256 MB but the maximum is 1024 MB: run java -Xmx6g"
                        + " -jar ..., or use fewer sessions");
        assertThat(LoadMain.heapProblem(LoadOptions.MAX_SESSIONS, oneGb, true))
                .startsWith("20000 sessions need a heap of about 90256 MB")
                .contains("run java -Xmx89g -jar ...");
        // This build's SDK is the current one.
        assertThat(LoadMain.oldEventStreamDecoder()).isFalse();
    }
}
