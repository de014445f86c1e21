package io.github.awsbidi.sample.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The local user: a request straight to the loopback address of a sample that listens on loopback only, with no
 * proxy in between. It may do what a logged-in user may (pages, sockets, metrics, health details) without
 * credentials, so that the README's commands work as they are; its conversations count against its client address.
 */
public final class LoopbackAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    /** The authority of the local user. */
    public static final String AUTHORITY = "ROLE_LOCAL";

    private final String address;

    LoopbackAuthentication(String address) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.address = address;
        setAuthenticated(true);
    }

    /** The client's loopback address, e.g. {@code 127.0.0.1}. */
    @Override
    public String getPrincipal() {
        return address;
    }

    @Override
    public String getCredentials() {
        return "";
    }
}
