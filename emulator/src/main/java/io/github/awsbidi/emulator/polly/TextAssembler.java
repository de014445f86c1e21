package io.github.awsbidi.emulator.polly;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reassembles streamed text into what is spoken, the way the developer guide describes Polly: text need not
 * align with sentences; Polly synthesises at natural boundaries (here: a sentence end {@code . ! ?} followed by
 * whitespace), or everything buffered when {@code Force} is set or the stream closes; an SSML document arrives
 * whole in one event and is spoken as soon as it arrives, after the text before it. Counts the billed
 * characters as the documentation of {@code SynthesizeSpeech} does: every character of plain text, whitespace
 * included, and the text of an SSML document without its tags. Whether Polly bills whitespace-only keep-alive
 * events in this operation is not documented; they are counted like any text.
 */
final class TextAssembler {

    /** Characters of one event at most (the emulator's own guard; AWS does not document a per-event limit). */
    static final int MAX_EVENT_CHARACTERS = 100_000;

    private final StringBuilder pending = new StringBuilder();

    private long requestCharacters;

    /** Takes a plain-text event; returns the sentences now complete, in order. */
    List<String> text(String text, boolean force) {
        check(text);
        requestCharacters += text.codePointCount(0, text.length());
        pending.append(text);
        List<String> ready = new ArrayList<>();
        int boundary = lastBoundary();
        if (boundary > 0) {
            ready.add(pending.substring(0, boundary));
            pending.delete(0, boundary);
        }
        if (force) {
            flushInto(ready);
        }
        return spoken(ready);
    }

    /** Takes an SSML document; returns the buffered text, then the document's spoken text. */
    List<String> ssml(String document) {
        check(document);
        String spoken = spokenText(document);
        requestCharacters += spoken.codePointCount(0, spoken.length());
        List<String> ready = new ArrayList<>();
        flushInto(ready);
        ready.add(spoken);
        return spoken(ready);
    }

    /** Everything still buffered (at {@code Force} or close). */
    List<String> flush() {
        List<String> ready = new ArrayList<>();
        flushInto(ready);
        return spoken(ready);
    }

    long requestCharacters() {
        return requestCharacters;
    }

    private void flushInto(List<String> ready) {
        if (!pending.isEmpty()) {
            ready.add(pending.toString());
            pending.setLength(0);
        }
    }

    /** The end of the last complete sentence in the buffer (after its trailing whitespace), 0 when none. */
    private int lastBoundary() {
        for (int i = pending.length() - 2; i >= 0; i--) {
            char c = pending.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(pending.charAt(i + 1))) {
                return i + 2;
            }
        }
        return 0;
    }

    /** Whitespace alone is not spoken. */
    private static List<String> spoken(List<String> segments) {
        return segments.stream()
                .map(String::strip)
                .filter(segment -> !segment.isEmpty())
                .toList();
    }

    private static void check(String text) {
        if (text.length() > MAX_EVENT_CHARACTERS) {
            throw new IllegalArgumentException(
                    "Text of " + text.length() + " characters exceeds the emulator's " + MAX_EVENT_CHARACTERS);
        }
    }

    /** The text content of a {@code <speak>} document; rejects anything else as Polly rejects invalid SSML. */
    static String spokenText(String document) {
        Document parsed;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            parsed = builder.parse(new InputSource(new StringReader(document)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid SSML request: the text is not a well-formed SSML document");
        }
        if (!parsed.getDocumentElement().getTagName().equals("speak")) {
            throw new IllegalArgumentException("Invalid SSML request: the document's root element must be <speak>");
        }
        return parsed.getDocumentElement().getTextContent();
    }
}
