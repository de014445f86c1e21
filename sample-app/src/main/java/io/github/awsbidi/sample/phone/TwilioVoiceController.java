package io.github.awsbidi.sample.phone;

import org.jspecify.annotations.Nullable;
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
 * {@code wss://<public host>/twilio/media}, passing the caller's number as the stream parameter {@code caller}.
 */
@RestController
final class TwilioVoiceController {

    static final String MEDIA_PATH = "/twilio/media";

    private final TwilioProperties properties;

    TwilioVoiceController(TwilioProperties properties) {
        this.properties = properties;
    }

    @PostMapping(path = "/twilio/voice", produces = MediaType.TEXT_XML_VALUE)
    Mono<String> voice(ServerWebExchange exchange) {
        String host = publicHost(exchange.getRequest().getHeaders());
        return exchange.getFormData().map(form -> twiml(host, form.getFirst("From")));
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

    private String publicHost(HttpHeaders headers) {
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
