/**
 * Amazon Nova Sonic speech-to-speech conversations over a Bedrock bidirectional stream: settings,
 * tools, the input-event sequencing rules and the conversation layer.
 */
@NullMarked
package io.github.awsbidi.novasonic;

import org.jspecify.annotations.NullMarked;
