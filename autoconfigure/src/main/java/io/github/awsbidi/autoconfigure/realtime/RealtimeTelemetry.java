package io.github.awsbidi.autoconfigure.realtime;

import io.github.awsbidi.realtime.RealtimeListener;

/** Where the endpoint reports: a listener per session and refusals at the door. */
interface RealtimeTelemetry {

    RealtimeTelemetry NONE = new RealtimeTelemetry() {};

    default RealtimeListener session() {
        return RealtimeListener.NONE;
    }

    default void refused(String surface, String reason) {}
}
