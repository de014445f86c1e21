package io.github.awsbidi.sample;

import io.github.awsbidi.realtime.webflux.Admission;
import org.springframework.context.ApplicationContext;

/**
 * The places the sample's sockets hold, read from the running application: a test that held sockets waits here until
 * the server has given their places back (it does so when it closes their connections, after the client let go), so
 * that the next test of the same application does not meet them.
 */
public final class SocketPlaces {

    private SocketPlaces() {}

    /** Sockets at {@code path} that {@code identity} holds (e.g. {@code "user operator"}). */
    public static int open(ApplicationContext context, String path, String identity) {
        Admission admission = context.getBean(SocketSurfaces.class).forPath(path);
        return admission == null ? 0 : admission.open(identity);
    }
}
