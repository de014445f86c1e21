package io.github.awsbidi.emulator.junit;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One emulator per test class, closed after the class. Use it through {@link BidiEmulatorTest} or
 * {@code @ExtendWith(BidiEmulatorExtension.class)}; tests receive the {@link BidiEmulator} (endpoint,
 * region, credentials, trust managers) as a parameter.
 */
public final class BidiEmulatorExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BidiEmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BidiEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }

    /** The emulator of the test class that context belongs to, started on first use. */
    public static BidiEmulator emulator(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = classContext(context);
        // Null only if something else stored null under the test class in this namespace; nothing does.
        RunningEmulator running = classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(testClass, key -> new RunningEmulator(start(testClass)), RunningEmulator.class);
        if (running == null) {
            throw new IllegalStateException("no emulator stored for " + testClass.getName());
        }
        return running.emulator();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static BidiEmulator start(Class<?> testClass) {
        Optional<BidiEmulatorTest> annotation = AnnotationSupport.findAnnotation(testClass, BidiEmulatorTest.class);
        EmulatorConfig.Builder config = EmulatorConfig.builder()
                .tls(annotation.map(BidiEmulatorTest::tls).orElse(false));
        annotation.ifPresent(test -> {
            for (String directory : test.cassettes()) {
                config.cassetteDirectory(Path.of(directory));
            }
            config.cassettes(cassettes ->
                    cassettes.withMatching(test.cassetteMatching()).withTimeScale(test.cassetteTimeScale()));
        });
        return BidiEmulator.start(config.build());
    }

    /** Closes the emulator when JUnit closes the class's store. */
    private record RunningEmulator(BidiEmulator emulator) implements AutoCloseable {
        @Override
        public void close() {
            emulator.close();
        }
    }
}
