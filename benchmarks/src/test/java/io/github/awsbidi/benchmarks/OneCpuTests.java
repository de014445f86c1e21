package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OneCpuTests {

    @Test
    void readsTheCpuListOfTasksetsAnswer() throws IOException {
        assertThat(OneCpu.affinityList("pid 7's current affinity list: 0,1\n")).isEqualTo("0,1");
        assertThat(OneCpu.affinityList("pid 1234's current affinity list: 2-5,7"))
                .isEqualTo("2-5,7");
    }

    @Test
    void anAnswerWithoutACpuListIsRefusedAndQuoted() {
        assertThatThrownBy(() -> OneCpu.affinityList("taskset: failed to get pid 9's affinity: No such process\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No such process")
                .hasMessageContaining("not a CPU list");
        assertThatThrownBy(() -> OneCpu.affinityList("pid 7's current affinity list: "))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theFirstCpuOfAListIsItsFirstNumber() {
        assertThat(OneCpu.firstCpu("0,1")).isEqualTo("0");
        assertThat(OneCpu.firstCpu("2-5,7")).isEqualTo("2");
        assertThat(OneCpu.firstCpu("3")).isEqualTo("3");
        assertThat(OneCpu.firstCpu("12-15")).isEqualTo("12");
    }

    @Test
    void pinsAProcessToOneCpuAndGivesItsCpusBack() throws Exception {
        Assumptions.assumeTrue(tasksetRuns(), () -> {
            System.out.println("OneCpuTests: skipped, taskset does not run here");
            return "taskset does not run here";
        });
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            String before = cpus(child.pid());
            String first = OneCpu.firstCpu(cpus(ProcessHandle.current().pid()));

            try (OneCpu pinned = OneCpu.pin(List.of(child.pid()))) {
                assertThat(pinned.pinned()).isTrue();
                assertThat(pinned.description()).isEqualTo("client and emulator on CPU " + first);
                assertThat(cpus(child.pid())).isEqualTo(first);
            }

            assertThat(cpus(child.pid())).isEqualTo(before);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneLeavesNothingPinnedAndSaysWhy() throws Exception {
        Assumptions.assumeTrue(tasksetRuns(), () -> {
            System.out.println("OneCpuTests: skipped, taskset does not run here");
            return "taskset does not run here";
        });
        Process child = new ProcessBuilder("true").start();
        child.waitFor();

        try (OneCpu pinned = OneCpu.pin(List.of(child.pid()))) {
            assertThat(pinned.pinned()).isFalse();
            assertThat(pinned.description()).startsWith("not pinned: taskset -p -c " + child.pid() + " failed");
        }
    }

    @Test
    void notPinnedSaysWhy() {
        OneCpu none = OneCpu.notPinned("the emulator is another JVM's");

        assertThat(none.pinned()).isFalse();
        assertThat(none.description()).isEqualTo("not pinned: the emulator is another JVM's");
    }

    private static boolean tasksetRuns() {
        try {
            return new ProcessBuilder(
                                    "taskset",
                                    "-p",
                                    "-c",
                                    String.valueOf(ProcessHandle.current().pid()))
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String cpus(long pid) throws Exception {
        Process taskset = new ProcessBuilder("taskset", "-p", "-c", String.valueOf(pid))
                .redirectErrorStream(true)
                .start();
        String answer = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        taskset.waitFor();
        return OneCpu.affinityList(answer);
    }
}
