package io.github.awsbidi.emulator.novasonic;

/** What {@link InputProtocol} reports once an input event has been accepted. */
interface InputListener {

    void sessionStarted(EndpointingSensitivity sensitivity);

    void promptStarted(PromptSettings prompt);

    /** Any text the model reads (system prompt, history, live text): it counts as input tokens. */
    void textRead(String text);

    /** An interactive USER text block ended: the model answers it. */
    void userTextTurn(String text);

    void audioStarted(int sampleRateHertz);

    /** One {@code audioInput}: 16-bit little-endian mono PCM at the rate given to {@link #audioStarted}. */
    void audioReceived(byte[] pcm);

    void audioEnded();

    /** Whether a {@code toolUse} with this id was emitted and still waits for its result. */
    boolean awaitsToolResult(String toolUseId);

    void toolResultReceived(String toolUseId, String content);

    void promptEnded();

    void sessionEnded();
}
