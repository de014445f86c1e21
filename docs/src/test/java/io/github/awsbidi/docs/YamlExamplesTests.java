package io.github.awsbidi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.NovaSonicAutoConfiguration;
import io.github.awsbidi.autoconfigure.PollyAutoConfiguration;
import io.github.awsbidi.testcontainers.BidiEmulatorContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Every {@code ```yaml} block of README.md and docs/*.md is configuration the application accepts.
 *
 * <p>Keys under {@code aws.bidi} go through the starter's own startup path: an {@link ApplicationContextRunner} with
 * {@link AwsBidiAutoConfiguration} (which binds every {@code aws.bidi} key strictly, the emulator's, recording's and
 * the realtime façade's groups included, and validates every session), {@link NovaSonicAutoConfiguration} and
 * {@link PollyAutoConfiguration}, the block as the first property source, named after its page and line. The context
 * must start: an unknown or mistyped key, a value that does not convert, a session AWS would reject fails, naming the
 * block. The auto-configurations that act on the world (the embedded emulator, which would start a server and read the
 * cassette folders, and recording, which would write them) are left out; their keys are bound strictly all the same.
 * A region is supplied below the block ({@code aws.bidi.region}, lowest precedence), as an application's environment
 * would, since most blocks show only what they are about.
 *
 * <p>Other keys ({@code management.*}, {@code spring.*}, …) must be in the configuration metadata on the class path
 * (see {@link ConfigurationMetadata}); keys below a property of map type are the user's. A module whose keys a page
 * shows joins this module's test dependencies.
 *
 * <p>A block that is not application configuration is recognised by its shape and checked as what it is: a Docker
 * Compose file (top-level {@code services}, and only Compose's top-level keys) must run the emulator image this build
 * makes ({@code aws-bidi-emulator:<version>}, as {@code BidiEmulatorContainer} runs it by default), so a page cannot
 * keep showing an old tag. Any other block is configuration, so a file of another kind fails here until it is
 * recognised.
 */
class YamlExamplesTests {

    private static final String ROOT = "aws.bidi";

    /** Compose's top-level keys (Compose specification); {@code x-*} extensions too. */
    private static final Set<String> COMPOSE_KEYS =
            Set.of("services", "networks", "volumes", "configs", "secrets", "name", "version", "include", "models");

    private static final ConfigurationMetadata METADATA = ConfigurationMetadata.load();

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiAutoConfiguration.class, NovaSonicAutoConfiguration.class, PollyAutoConfiguration.class));

    @Test
    void thePagesHaveYamlExamples() {
        // Guards the check below against passing on nothing.
        assertThat(Markdown.blocks("yaml")).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyYamlBlockIsConfigurationTheApplicationAccepts() {
        return Markdown.blocks("yaml").stream()
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> check(block)));
    }

    private void check(Markdown.Block block) {
        List<PropertySource<?>> sources = load(block);
        List<String> keys = new ArrayList<>();
        for (PropertySource<?> source : sources) {
            keys.addAll(List.of(((EnumerablePropertySource<?>) source).getPropertyNames()));
        }
        if (!keys.isEmpty() && keys.stream().allMatch(YamlExamplesTests::isComposeKey)) {
            checkCompose(block, sources);
            return;
        }
        List<String> unknown = keys.stream()
                .map(YamlExamplesTests::canonical)
                .filter(key -> !key.equals(ROOT) && !key.startsWith(ROOT + "."))
                .filter(key -> !METADATA.knows(key))
                .toList();
        if (!unknown.isEmpty()) {
            throw new AssertionError(block.where() + ": the ```yaml block has keys that no configuration metadata on "
                    + "the class path knows: " + unknown);
        }
        contextRunner
                .withInitializer(context -> {
                    sources.forEach(context.getEnvironment().getPropertySources()::addFirst);
                    context.getEnvironment()
                            .getPropertySources()
                            .addLast(new MapPropertySource("fallback region", Map.of(ROOT + ".region", "eu-west-1")));
                })
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    if (failure != null) {
                        throw new AssertionError(
                                block.where() + ": the ```yaml block fails the starter's startup: " + messages(failure),
                                failure);
                    }
                });
    }

    /** Every emulator service of a Compose block runs the image this build makes. */
    private static void checkCompose(Markdown.Block block, List<PropertySource<?>> sources) {
        String built = emulatorImage();
        List<String> images = new ArrayList<>();
        for (PropertySource<?> source : sources) {
            for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                Object value = source.getProperty(key);
                if (key.startsWith("services.") && key.endsWith(".image") && value != null) {
                    images.add(value.toString());
                }
            }
        }
        List<String> emulators = images.stream()
                .filter(image -> image.startsWith(BidiEmulatorContainer.IMAGE_NAME + ":"))
                .toList();
        if (emulators.isEmpty()) {
            throw new AssertionError(block.where() + ": a Docker Compose block with no "
                    + BidiEmulatorContainer.IMAGE_NAME + " service (images: " + images + ")");
        }
        for (String image : emulators) {
            if (!image.equals(built)) {
                throw new AssertionError(
                        block.where() + ": the Compose block runs " + image + ", but this build makes " + built);
            }
        }
    }

    /** The image the build writes into the testcontainers module's jar: what its container runs by default. */
    private static String emulatorImage() {
        Properties properties = new Properties();
        try (InputStream in =
                BidiEmulatorContainer.class.getResourceAsStream("/META-INF/aws-bidi-testcontainers.properties")) {
            if (in == null) {
                throw new AssertionError("META-INF/aws-bidi-testcontainers.properties is not on the class path");
            }
            properties.load(in);
        } catch (IOException ex) {
            throw new AssertionError("cannot read the emulator image's name", ex);
        }
        return properties.getProperty("image", "");
    }

    private static List<PropertySource<?>> load(Markdown.Block block) {
        byte[] yaml = String.join("\n", block.lines()).getBytes(StandardCharsets.UTF_8);
        try {
            return new YamlPropertySourceLoader().load(block.where(), new ByteArrayResource(yaml, block.where()));
        } catch (IOException | RuntimeException ex) {
            throw new AssertionError(block.where() + ": the ```yaml block is not YAML: " + ex.getMessage(), ex);
        }
    }

    private static boolean isComposeKey(String key) {
        String top = key.split("[.\\[]")[0];
        return COMPOSE_KEYS.contains(top) || top.startsWith("x-");
    }

    /** {@code a.fooBar[0].baz} → {@code a.foo-bar.baz}: the metadata's form, list indices left out. */
    private static String canonical(String key) {
        return ConfigurationPropertyName.adapt(key, '.').toString().replaceAll("\\[\\d+]", "");
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(messages.length() > 0 ? " <- " : "").append(cause.getMessage());
        }
        return messages.toString();
    }
}
