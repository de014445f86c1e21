package io.github.awsbidi.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What a native image of an application using aws-bidi needs beyond what its code says: the AWS SDK's execution
 * interceptors, which it lists in class-path resources and creates by reflection. The SDK jars ship the rest of their
 * metadata themselves; the Nova Sonic event records are {@link NovaSonicRuntimeHints}'.
 */
class AwsBidiRuntimeHints implements RuntimeHintsRegistrar {

    /** The SDK's lists of interceptors: global, and those of the services the sessions use. */
    static final List<String> SDK_INTERCEPTOR_LISTS = List.of(
            "software/amazon/awssdk/global/handlers/execution.interceptors",
            "software/amazon/awssdk/services/bedrockruntime/execution.interceptors",
            "software/amazon/awssdk/services/sagemakerruntimehttp2/execution.interceptors");

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        for (String list : SDK_INTERCEPTOR_LISTS) {
            hints.resources().registerPattern(list);
            if (classLoader != null) {
                interceptors(classLoader, list)
                        .forEach(type -> hints.reflection()
                                .registerType(TypeReference.of(type), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
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
                    reader.lines()
                            .map(String::trim)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(names::add);
                }
            }
            return names;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + list, ex);
        }
    }
}
