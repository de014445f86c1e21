package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.config.Faults;

/**
 * The response headers went out: the stream is open. Passes down the pipeline so that each handler takes
 * what it needs (the chunk chain, the faults, the operation).
 *
 * @param head the verified request
 * @param operation the model side
 * @param faults the faults to inject into this stream
 */
record StreamOpened(RequestHead head, StreamOperation operation, Faults faults) {}
