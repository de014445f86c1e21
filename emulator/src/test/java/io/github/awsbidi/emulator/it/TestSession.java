package io.github.awsbidi.emulator.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Opens and closes what the emulator's tests share across classes: Netty leak recording (installed
 * before any test class loads Netty) and the shared emulators, clients and event loops.
 */
public final class TestSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakRecorder.install();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedEmulators.closeAll();
    }
}
