package io.github.awsbidi.emulator.stream;

/** The client half-closed its side (END_STREAM): no more request events. */
enum InputEnd {
    INSTANCE
}
