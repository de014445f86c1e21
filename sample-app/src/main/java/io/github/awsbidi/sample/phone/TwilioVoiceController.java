package io.github.awsbidi.sample.phone;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Twilio's "A call comes in" webhook: answers with TwiML that connects the call to a bidirectional Media Stream on
 * {@code wss://<public host>/twilio/media}, passing the caller's number as the stream parameter {@code caller}. Only
 * requests Twilio signed for {@code https://<public host>/twilio/voice} (and its query string) are answered; others
 * get 403. Present only when {@code sample.twilio.auth-token} is set.
 */
@RestController
@Conditional(TwilioTokenCondition.class)
final class TwilioVoiceController {

    static final String VOICE_PATH = "/twilio/voice";
    static final String MEDIA_PATH = "/twilio/media";

    private static final Logger log = LoggerFactory.getLogger(TwilioVoiceController.class);

    private final TwilioProperties properties;
    private final TwilioSignature signature;

    TwilioVoiceController(TwilioProperties properties) {
        this.properties = properties;
        this.signature = new TwilioSignature(Objects.requireNonNull(properties.authToken()));
    }

    @PostMapping(path = VOICE_PATH, produces = MediaType.TEXT_XML_VALUE)
    Mono<String> voice(ServerWebExchange exchange) {
        String host = publicHost(properties, exchange.getRequest().getHeaders());
        String query = exchange.getRequest().getURI().getRawQuery();
        String url = "https://" + host + VOICE_PATH + (query == null ? "" : "?" + query);
        return exchange.getFormData().map(form -> {
            if (!signature.verify(url, form, exchange.getRequest().getHeaders().getFirst(TwilioSignature.HEADER))) {
                log.warn(
                        "Refused {} {}: its {} does not sign {} with sample.twilio.auth-token",
                        exchange.getRequest().getMethod(),
                        VOICE_PATH,
                        TwilioSignature.HEADER,
                        url);
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not signed by Twilio");
            }
            return twiml(host, form.getFirst("From"));
        });
    }

    static String twiml(String host, @Nullable String caller) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Connect>")
                .append("<Stream url=\"wss://")
                .append(escape(host))
                .append(MEDIA_PATH)
                .append("\">");
        if (caller != null && !caller.isBlank()) {
            xml.append("<Parameter name=\"caller\" value=\"")
                    .append(escape(caller))
                    .append("\"/>");
        }
        return xml.append("</Stream></Connect></Response>\n").toString();
    }

    /** The host Twilio reached: {@code sample.twilio.public-host}, else the forwarded or plain {@code Host}. */
    static String publicHost(TwilioProperties properties, HttpHeaders headers) {
        String configured = properties.publicHost();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        // Behind a tunnel or load balancer the Host header names the inside; the proxy passes the outside on.
        String forwarded = headers.getFirst("X-Forwarded-Host");
        String host = forwarded != null ? forwarded.split(",")[0].trim() : headers.getFirst(HttpHeaders.HOST);
        if (host == null || !TwilioProperties.HOST.matcher(host).matches()) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "the request's " + (forwarded != null ? "X-Forwarded-Host" : "Host")
                            + " header must be a host name with an optional port, was '" + host
                            + "' (or set sample.twilio.public-host)");
        }
        return host;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
