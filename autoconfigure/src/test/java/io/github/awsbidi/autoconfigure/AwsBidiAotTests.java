package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.event.InputEvent;
import io.github.awsbidi.novasonic.event.OutputEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

/**
 * Ahead-of-time processing: the session and Nova Sonic beans become generated code (factory methods on the session
 * factory, no instance suppliers), and the runtime hints cover what reflection and resources the library needs.
 * {@code AotApplicationIT} in the sample app starts such generated code for real.
 */
class AwsBidiAotTests {

    @Test
    void sessionBeansAreGeneratedAsFactoryMethodCalls() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "aws.bidi.emulator.enabled",
                                "true",
                                "aws.bidi.sagemaker.sessions.echo.endpoint-name",
                                "echo",
                                "aws.bidi.bedrock.sessions.assistant.model-id",
                                "amazon.nova-2-sonic-v1:0")));
        context.register(
                AwsBidiEmulatorAutoConfiguration.class,
                AwsBidiAutoConfiguration.class,
                NovaSonicAutoConfiguration.class);
        InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new org.springframework.aot.generate.ClassNameGenerator(ClassName.get("com.example", "App")), files);
        new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
        generation.writeGeneratedContent();
        StringBuilder sources = new StringBuilder();
        files.getGeneratedFiles(Kind.SOURCE).values().forEach(file -> {
            try (java.io.InputStream in = file.getInputStream()) {
                sources.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('\n');
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        assertThat(sources.toString())
                .contains("forFactoryMethod(SessionFactory.class, \"sageMaker\", String.class)")
                .contains("forFactoryMethod(SessionFactory.class, \"bedrock\", String.class)")
                .contains("forFactoryMethod(NovaSonicFactory.class, \"novaSonic\", String.class, "
                        + "BidirectionalSession.class)")
                .contains("\"echo\"")
                .contains("\"assistant\"")
                .contains("assistantNovaSonic");
        // The hints of the auto-configurations are contributed with them.
        assertThat(RuntimeHintsPredicates.reflection().onType(ConversationEvent.Transcript.class))
                .accepts(generation.getRuntimeHints());
    }

    @Test
    void novaSonicEventRecordsCanBeBoundByJackson() {
        RuntimeHints hints = hints();
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> root : List.of(ConversationEvent.class, OutputEvent.class, InputEvent.class)) {
            collectRecords(root, records);
        }
        assertThat(records)
                .hasSizeGreaterThan(10)
                .contains(ConversationEvent.Transcript.class, ConversationEvent.Closed.class);
        for (Class<?> type : records) {
            assertThat(RuntimeHintsPredicates.reflection().onType(type))
                    .as("%s", type)
                    .accepts(hints);
            for (var component : type.getRecordComponents()) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
                        .as("%s.%s()", type.getSimpleName(), component.getName())
                        .accepts(hints);
            }
        }
    }

    @Test
    void theSdksInterceptorListsAndTheirClassesAreRegistered() {
        RuntimeHints hints = hints();
        for (String list : AwsBidiRuntimeHints.SDK_INTERCEPTOR_LISTS) {
            assertThat(RuntimeHintsPredicates.resource().forResource(list))
                    .as(list)
                    .accepts(hints);
        }
    }

    private static RuntimeHints hints() {
        RuntimeHints hints = new RuntimeHints();
        new AwsBidiRuntimeHints().registerHints(hints, AwsBidiAotTests.class.getClassLoader());
        new NovaSonicRuntimeHints().registerHints(hints, AwsBidiAotTests.class.getClassLoader());
        return hints;
    }

    private static void collectRecords(Class<?> type, List<Class<?>> records) {
        if (type.isRecord()) {
            records.add(type);
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> subtype : permitted) {
                collectRecords(subtype, records);
            }
        }
    }
}
