package io.github.awsbidi.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;

import io.github.awsbidi.core.novasonic.ConversationEvent;
import io.github.awsbidi.core.novasonic.event.InputEvent;
import io.github.awsbidi.core.novasonic.event.OutputEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a native image of an application using aws-bidi needs beyond what its code says: the Nova Sonic event records
 * bound by Jackson when an application writes or reads them as JSON (e.g. a WebSocket or SSE bridge), and the AWS
 * SDK's execution interceptors, which it lists in class-path resources and creates by reflection. The SDK jars ship
 * the rest of their metadata themselves.
 */
class AwsBidiRuntimeHints implements RuntimeHintsRegistrar {

    /** The SDK's lists of interceptors: global, and those of the services the sessions use. */
    static final List<String> SDK_INTERCEPTOR_LISTS = List.of(
            "software/amazon/awssdk/global/handlers/execution.interceptors",
            "software/amazon/awssdk/services/bedrockruntime/execution.interceptors",
            "software/amazon/awssdk/services/sagemakerruntimehttp2/execution.interceptors");

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
        for (Class<?> root : List.of(ConversationEvent.class, OutputEvent.class, InputEvent.class)) {
            registerSealed(binding, hints, root);
        }
        for (String list : SDK_INTERCEPTOR_LISTS) {
            hints.resources().registerPattern(list);
            if (classLoader != null) {
                interceptors(classLoader, list).forEach(type -> hints.reflection().registerType(
                        TypeReference.of(type), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
            }
        }
    }

    private static void registerSealed(BindingReflectionHintsRegistrar binding, RuntimeHints hints, Class<?> type) {
        binding.registerReflectionHints(hints.reflection(), type);
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> subtype : permitted) {
                registerSealed(binding, hints, subtype);
            }
        }
    }

    /** The class names one interceptor list names, in every jar that has it. */
    private static List<String> interceptors(ClassLoader classLoader, String list) {
        try {
            Enumeration<URL> resources = classLoader.getResources(list);
            java.util.ArrayList<String> names = new java.util.ArrayList<>();
            while (resources.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(resources.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(names::add);
                }
            }
            return names;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + list, ex);
        }
    }
}
