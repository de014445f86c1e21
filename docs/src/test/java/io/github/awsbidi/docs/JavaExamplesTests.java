package io.github.awsbidi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md and docs/*.md is a contiguous run of lines of one compiled source under
 * {@code src/test/java/io/github/awsbidi/docs/examples}, so an example that no longer compiles fails the build (the
 * source stops compiling) and an example that drifts from its source fails here. Lines are compared stripped of
 * leading and trailing whitespace, blank lines left out: the page may indent a block differently (inside a list item)
 * and the source wraps it in a class or method. Each source keeps the block's line breaks between
 * {@code // spotless:off} and {@code // spotless:on}.
 */
class JavaExamplesTests {

    private static final String EXAMPLES = "src/test/java/io/github/awsbidi/docs/examples";

    @Test
    void thePagesHaveJavaExamples() {
        // Guards the check below against passing on nothing (a page moved, a fence spelled differently).
        assertThat(Markdown.pages()).isNotEmpty();
        assertThat(Markdown.blocks("java")).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockIsARunOfLinesOfACompiledExample() {
        Map<Path, List<String>> sources = sources();
        assertThat(sources).isNotEmpty();
        return Markdown.blocks("java").stream()
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> check(block, sources)));
    }

    private static void check(Markdown.Block block, Map<Path, List<String>> sources) {
        List<String> lines = normalise(block.lines());
        if (lines.isEmpty()) {
            throw new AssertionError(block.where() + ": the ```java block is empty");
        }
        // The nearest source: the one holding the longest run of the block's first lines.
        Path nearest = null;
        List<String> nearestText = List.of();
        int nearestLength = 0;
        int nearestAt = -1;
        for (Map.Entry<Path, List<String>> source : sources.entrySet()) {
            List<String> text = source.getValue();
            for (int start = 0; start < text.size(); start++) {
                int length = 0;
                while (length < lines.size()
                        && start + length < text.size()
                        && text.get(start + length).equals(lines.get(length))) {
                    length++;
                }
                if (length == lines.size()) {
                    return;
                }
                if (length > nearestLength) {
                    nearest = source.getKey();
                    nearestText = text;
                    nearestLength = length;
                    nearestAt = start;
                }
            }
        }
        Path module = Markdown.moduleDir();
        if (nearest == null) {
            throw new AssertionError(block.where() + ": the ```java block is in no compiled example under docs/"
                    + EXAMPLES + "; no source has its first line: " + lines.get(0));
        }
        String found = nearestAt + nearestLength < nearestText.size()
                ? nearestText.get(nearestAt + nearestLength)
                : "(the end of the source)";
        throw new AssertionError(block.where() + ": the ```java block is in no compiled example under docs/" + EXAMPLES
                + "; the nearest, " + module.relativize(nearest) + ", has its first " + nearestLength
                + " line(s), then differs at the block's line " + (nearestLength + 1) + " (non-blank): the block has '"
                + lines.get(nearestLength) + "', the source '" + found + "'");
    }

    /** The examples' sources, by path, normalised as the blocks are. */
    private static Map<Path, List<String>> sources() {
        Map<Path, List<String>> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Markdown.moduleDir().resolve(EXAMPLES))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, normalise(Files.readAllLines(file)));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return sources;
    }

    private static List<String> normalise(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
