package io.github.awsbidi.emulator.it;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One h2c and one TLS emulator, each with its SDK clients, shared by the integration tests of a run
 * (starting an emulator and a TLS client per test would dominate the suite's time). Tests that change
 * the configuration add endpoints and models under names of their own, so they never disturb others.
 */
final class SharedEmulators {

    private record Shared(BidiEmulator emulator, SdkClients clients) {}

    private static final Map<Boolean, Shared> BY_TLS = new ConcurrentHashMap<>();

    private SharedEmulators() {}

    static BidiEmulator emulator(boolean tls) {
        return shared(tls).emulator();
    }

    static SdkClients clients(boolean tls) {
        return shared(tls).clients();
    }

    private static Shared shared(boolean tls) {
        return BY_TLS.computeIfAbsent(tls, flag -> {
            BidiEmulator emulator =
                    BidiEmulator.start(EmulatorConfig.builder().tls(flag).build());
            return new Shared(emulator, new SdkClients(emulator));
        });
    }

    /** Closes every shared emulator and its clients; called once the test run ends. */
    static void closeAll() {
        BY_TLS.values().forEach(shared -> {
            shared.clients().close();
            shared.emulator().close();
        });
        BY_TLS.clear();
    }
}
