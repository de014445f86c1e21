/**
 * Who may use the sample: anyone on the loopback address by default, logged-in users once it is served on another
 * address or reached through a proxy or tunnel; the façade, the phone webhooks and the health probes judge their own
 * callers.
 */
@NullMarked
package io.github.awsbidi.sample.security;

import org.jspecify.annotations.NullMarked;
