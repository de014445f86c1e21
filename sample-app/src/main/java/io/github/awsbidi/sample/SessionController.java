package io.github.awsbidi.sample;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HTTP endpoints over the sessions: list them, and run one short exchange (text frames in, every response frame
 * out). Long-lived, interactive streams belong on the WebSocket bridge ({@code /ws/{name}}).
 */
@RestController
@RequestMapping("/sessions")
public class SessionController {

    /** An exchange that the service has not ended by then is cancelled and answered with 504. */
    static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(30);

    static final int MAX_FRAMES = 1000;

    private final Sessions sessions;

    public SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Every configured session: name, service, region, endpoint or model, variant. */
    @GetMapping
    public List<SessionView> sessions() {
        return sessions.all().stream().map(SessionView::of).toList();
    }

    /** Sends {@code frames} as UTF-8 frames, completes the request stream, and returns every response frame. */
    @PostMapping("/{name}/exchange")
    public Mono<List<FrameView>> exchange(@PathVariable String name, @RequestBody List<String> frames) {
        BidirectionalSession session = sessions.find(name)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session named '" + name + "'"));
        if (frames.size() > MAX_FRAMES) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "At most " + MAX_FRAMES + " frames per request");
        }
        return session.exchange(Flux.fromIterable(frames).map(Frame::text))
                .map(FrameView::of)
                .collectList()
                .timeout(EXCHANGE_TIMEOUT)
                .onErrorMap(
                        TimeoutException.class,
                        ex -> new ResponseStatusException(
                                HttpStatus.GATEWAY_TIMEOUT,
                                "The session did not end the exchange within " + EXCHANGE_TIMEOUT.toSeconds() + " s"));
    }

    /** A failed exchange as a problem detail, with a status that says whose fault it was. */
    @ExceptionHandler(BidiStreamException.class)
    public ProblemDetail failed(BidiStreamException ex) {
        HttpStatus status = switch (ex.kind()) {
            case VALIDATION -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case THROTTLING, QUOTA -> HttpStatus.TOO_MANY_REQUESTS;
            case MODEL_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case UNAVAILABLE, MODEL_NOT_READY -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setProperty("kind", ex.kind().name());
        ex.errorCode().ifPresent(code -> problem.setProperty("errorCode", code));
        return problem;
    }
}
