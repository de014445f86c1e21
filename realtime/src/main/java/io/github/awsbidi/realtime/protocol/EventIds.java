package io.github.awsbidi.realtime.protocol;

import java.security.SecureRandom;

/** Ids in the protocol's style: a prefix, an underscore and 22 random letters and digits ({@code event_…}). */
public final class EventIds {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {}

    /** A new id, e.g. {@code next("item")} is {@code item_…}. */
    public static String next(String prefix) {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(id);
    }
}
