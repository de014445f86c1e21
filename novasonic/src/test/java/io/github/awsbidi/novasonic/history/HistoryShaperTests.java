package io.github.awsbidi.novasonic.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.novasonic.event.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryShaperTests {

    private final HistoryShaper shaper = new HistoryShaper();

    @Test
    void mergesConsecutiveTurnsOfTheSameRoleAndDropsBlankOnes() {
        ShapedHistory shaped = shaper.shape(List.of(
                Turn.user("Hi"),
                Turn.user("Are you there?"),
                Turn.user("  "),
                Turn.assistant("Yes."),
                Turn.assistant("How can I help?"),
                Turn.user("Weather?")));

        assertThat(shaped.messages())
                .extracting(HistoryMessage::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(shaped.messages())
                .extracting(HistoryMessage::text)
                .containsExactly("Hi\nAre you there?", "Yes.\nHow can I help?", "Weather?");
        assertThat(shaped.report()).isEqualTo(new HistoryReport(6, 2, 1, 0, 0, 0));
        assertThat(shaped.report().lossy()).isFalse();
    }

    @Test
    void dropsLeadingAssistantMessages() {
        ShapedHistory shaped = shaper.shape(List.of(
                Turn.assistant("Welcome!"), Turn.assistant("Ask me."), Turn.user("Hello"), Turn.assistant("Hi")));

        assertThat(shaped.messages()).extracting(HistoryMessage::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(shaped.report().droppedLeadingAssistantMessages()).isEqualTo(1);
        assertThat(shaped.report().mergedTurns()).isEqualTo(1);
        assertThat(shaped.report().lossy()).isTrue();
    }

    @Test
    void splitsLongTextIntoPiecesOfAtMostOneKilobyteWithoutCuttingCodePoints() {
        // 700 three-byte characters, then emoji (four bytes, two chars) at odd offsets.
        String text = "€".repeat(700) + "a" + "\uD83D\uDE00".repeat(300);
        ShapedHistory shaped = shaper.shape(List.of(Turn.user(text)));

        List<String> pieces = shaped.messages().get(0).pieces();
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).hasSizeGreaterThan(1);
        for (String piece : pieces) {
            byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(HistoryShaper.MAX_PIECE_BYTES);
            // A cut inside a surrogate pair would not survive a UTF-8 round trip.
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(piece);
        }
        assertThat(pieces.get(0).getBytes(StandardCharsets.UTF_8)).hasSize(1023);
    }

    @Test
    void keepsTheMostRecentTurnsWithinTheTotalLimit() {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            turns.add(
                    i % 2 == 0
                            ? Turn.user("u" + i + " " + "x".repeat(1000))
                            : Turn.assistant("a" + i + " " + "y".repeat(1000)));
        }

        ShapedHistory shaped = shaper.shape(turns);

        int total = shaped.messages().stream()
                .mapToInt(m -> m.text().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        assertThat(total).isLessThanOrEqualTo(HistoryShaper.MAX_TOTAL_BYTES);
        List<HistoryMessage> messages = shaped.messages();
        assertThat(messages.get(messages.size() - 1).text()).startsWith("a99 ");
        assertThat(messages.get(0).role()).isEqualTo(Role.USER);
        // Dropped, cut or not, every kept message is one of the most recent ones, in order.
        assertThat(messages.get(messages.size() - 2).text()).startsWith("u98 ");
        HistoryReport report = shaped.report();
        assertThat(report.droppedOldestMessages() + report.droppedLeadingAssistantMessages() + messages.size())
                .isEqualTo(100);
        assertThat(report.lossy()).isTrue();
    }

    @Test
    void cutsTheBeginningOfTheOldestKeptMessageToFillTheBudget() {
        HistoryShaper small = new HistoryShaper(20, 8);

        ShapedHistory shaped = small.shape(List.of(Turn.user("0123456789abcdef"), Turn.assistant("ten bytes!")));

        assertThat(shaped.messages()).extracting(HistoryMessage::text).containsExactly("6789abcdef", "ten bytes!");
        assertThat(shaped.messages().get(0).pieces()).containsExactly("6789abcd", "ef");
        assertThat(shaped.report().truncatedBytes()).isEqualTo(6);
        assertThat(shaped.report().droppedOldestMessages()).isZero();
    }

    @Test
    void aCutAssistantMessageThatWouldLeadIsDroppedAndNotCountedAsCut() {
        HistoryShaper small = new HistoryShaper(10, 8);

        ShapedHistory shaped =
                small.shape(List.of(Turn.user("question"), Turn.assistant("a long answer"), Turn.user("ok")));

        assertThat(shaped.messages()).extracting(HistoryMessage::text).containsExactly("ok");
        assertThat(shaped.report()).isEqualTo(new HistoryReport(3, 0, 0, 1, 1, 0));
    }

    @Test
    void strictShapingRefusesToLoseText() {
        List<Turn> tooMuch = List.of(Turn.user("x".repeat(HistoryShaper.MAX_TOTAL_BYTES + 1)));

        assertThatThrownBy(() -> shaper.shapeStrict(tooMuch))
                .isInstanceOf(HistoryLimitException.class)
                .hasMessageContaining("40960 bytes")
                .satisfies(e -> assertThat(((HistoryLimitException) e).report().truncatedBytes())
                        .isEqualTo(1));
        assertThat(shaper.shapeStrict(List.of(Turn.user("fine"))).messages()).hasSize(1);
    }

    @Test
    void emptyHistoryShapesToNothing() {
        assertThat(shaper.shape(List.of()).messages()).isEmpty();
        assertThat(shaper.shape(List.of(Turn.assistant("only me"))).messages()).isEmpty();
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new HistoryShaper(HistoryShaper.MAX_TOTAL_BYTES + 1, 1024))
                .hasMessageContaining("maxTotalBytes")
                .hasMessageContaining("40960");
        assertThatThrownBy(() -> new HistoryShaper(100, 2000)).hasMessageContaining("maxPieceBytes");
        assertThatThrownBy(() -> new Turn(Role.SYSTEM, "x")).hasMessageContaining("USER or ASSISTANT");
    }
}
