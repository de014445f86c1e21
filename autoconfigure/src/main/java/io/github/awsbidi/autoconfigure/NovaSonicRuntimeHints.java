package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.event.InputEvent;
import io.github.awsbidi.novasonic.event.OutputEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image needs for the Nova Sonic module: its event records, bound by Jackson when an application
 * writes or reads them as JSON (e.g. a WebSocket or SSE bridge), with every permitted subtype of the sealed families.
 */
class NovaSonicRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
        for (Class<?> root : List.of(ConversationEvent.class, OutputEvent.class, InputEvent.class)) {
            registerSealed(binding, hints, root);
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
}
