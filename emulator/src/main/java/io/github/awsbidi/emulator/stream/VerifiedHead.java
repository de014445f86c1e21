package io.github.awsbidi.emulator.stream;

/**
 * The request headers of a stream, their signature verified.
 *
 * @param head the request line, headers and signature facts
 * @param endOfInput whether the headers already ended the request (END_STREAM on HEADERS)
 */
record VerifiedHead(RequestHead head, boolean endOfInput) {}
