package io.github.awsbidi.emulator.novasonic;

import org.jspecify.annotations.Nullable;

/** A content of a Nova Sonic prompt between its contentStart and contentEnd, as {@link InputProtocol} tracks it. */
final class OpenContent {

    final String type;

    final String role;

    final boolean interactive;

    final StringBuilder text = new StringBuilder();

    int sampleRate;

    @Nullable
    String toolUseId;

    boolean toolResultReceived;

    OpenContent(String type, String role, boolean interactive) {
        this.type = type;
        this.role = role;
        this.interactive = interactive;
    }
}
