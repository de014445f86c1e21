package io.github.awsbidi.sample.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages shaped as in Twilio's "Media Streams - WebSocket Messages" page. */
class TwilioCodecTests {

    @Test
    void readsConnectedAndStart() {
        assertThat(TwilioCodec.read("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"))
                .isEqualTo(new TwilioMessage.Connected("Call", "1.0.0"));
        TwilioMessage.Inbound start = TwilioCodec.read("""
                {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1",
                 "tracks":["inbound"],"customParameters":{"caller":"+15550100"},
                 "mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}},"streamSid":"MZ1"}""");
        assertThat(start)
                .isEqualTo(new TwilioMessage.Start(
                        "MZ1",
                        "AC1",
                        "CA1",
                        List.of("inbound"),
                        TwilioMessage.MediaFormat.MULAW_8K,
                        Map.of("caller", "+15550100")));
    }

    @Test
    void readsMediaMarkDtmfAndStop() {
        TwilioMessage.Inbound media = TwilioCodec.read("""
                {"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"1","timestamp":"5",
                 "payload":"/38A"},"streamSid":"MZ1"}""");
        assertThat(media).isInstanceOfSatisfying(TwilioMessage.Media.class, m -> {
            assertThat(m.streamSid()).isEqualTo("MZ1");
            assertThat(m.chunk()).isEqualTo(1);
            assertThat(m.timestamp()).isEqualTo(5);
            assertThat(m.payload()).containsExactly(0xFF, 0x7F, 0x00);
        });
        assertThat(TwilioCodec.read("{\"event\":\"mark\",\"sequenceNumber\":\"4\",\"streamSid\":\"MZ1\","
                        + "\"mark\":{\"name\":\"turn-1\"}}"))
                .isEqualTo(new TwilioMessage.Mark("MZ1", "turn-1"));
        assertThat(TwilioCodec.read("{\"event\":\"dtmf\",\"streamSid\":\"MZ1\",\"sequenceNumber\":\"5\","
                        + "\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"1\"}}"))
                .isEqualTo(new TwilioMessage.Dtmf("MZ1", "inbound_track", "1"));
        assertThat(TwilioCodec.read("{\"event\":\"stop\",\"sequenceNumber\":\"6\",\"streamSid\":\"MZ1\","
                        + "\"stop\":{\"accountSid\":\"AC1\",\"callSid\":\"CA1\"}}"))
                .isEqualTo(new TwilioMessage.Stop("MZ1", "AC1", "CA1"));
    }

    @Test
    void writesMediaMarkAndClearWithTheStreamSid() {
        assertThat(TwilioCodec.write(new TwilioMessage.OutboundMedia("MZ1", new byte[] {-1, 127, 0})))
                .isEqualTo("{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"/38A\"}}");
        assertThat(TwilioCodec.write(new TwilioMessage.OutboundMark("MZ1", "turn-1")))
                .isEqualTo("{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"turn-1\"}}");
        assertThat(TwilioCodec.write(new TwilioMessage.Clear("MZ1")))
                .isEqualTo("{\"event\":\"clear\",\"streamSid\":\"MZ1\"}");
    }

    @Test
    void badMessagesNameTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioCodec.read("{\"event\":\"hello\"}"))
                .withMessageContaining("'event'")
                .withMessageContaining("hello");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioCodec.read("{\"event\":\"media\",\"streamSid\":\"MZ1\","
                        + "\"media\":{\"chunk\":\"x\",\"timestamp\":\"1\",\"payload\":\"\"}}"))
                .withMessageContaining("'media.chunk'")
                .withMessageContaining("number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioCodec.read("{\"event\":\"media\",\"streamSid\":\"MZ1\","
                        + "\"media\":{\"chunk\":\"1\",\"timestamp\":\"1\",\"payload\":\"***\"}}"))
                .withMessageContaining("'media.payload' must be base64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioCodec.read("{\"event\":\"media\",\"streamSid\":\"MZ1\","
                        + "\"media\":{\"chunk\":\"1\",\"timestamp\":\"1\"}}"))
                .withMessage("Twilio message field 'media.payload' is missing");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioCodec.read("{\"event\":\"start\",\"streamSid\":\"MZ1\",\"start\":{"
                        + "\"callSid\":\"CA1\",\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\","
                        + "\"sampleRate\":8000,\"channels\":1}}}"))
                .withMessage("Twilio message field 'start.streamSid' is missing");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioCodec.read("not json"))
                .withMessageContaining("not JSON");
    }

    @Test
    void thePublicHostPropertyMustBeAHost() {
        assertThat(new TwilioProperties("abc123.tunnel.example:8443", null).publicHost())
                .isEqualTo("abc123.tunnel.example:8443");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TwilioProperties("https://abc123.tunnel.example/", null))
                .withMessageContaining("sample.twilio.public-host");
    }
}
