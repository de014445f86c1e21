package io.github.awsbidi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The property tables of README.md and docs/*.md against the configuration metadata on the class path (see
 * {@link ConfigurationMetadata}): every documented {@code aws.bidi} key exists, every {@code aws.bidi} key of the
 * metadata is documented (or excluded below, with the reason), and a default the table states agrees with the
 * metadata's.
 *
 * <p>A documented row is a row of a table whose first column is headed {@code property} (the meter tables name
 * {@code aws.bidi.…} meters) and whose first cell holds {@code aws.bidi.…} keys in backticks. The cell's first
 * key is written in full; the keys after it, separated by {@code /}, are in full too, or relative to the first key's
 * group ({@code `aws.bidi.http.connect-timeout` / `acquire-timeout`}, {@code `….<name>.region` / `.endpoint`}). A map
 * key written {@code <name>} is the metadata's {@code *}. A key ending in {@code .*} stands for the keys its row's last
 * cell lists in backticks, relative to it ({@code `renewal.{enabled, threshold}`} expands to two). The row's second
 * cell, split on {@code /} like the keys (one part standing for every key of the row), states each key's default
 * where its part starts with a value in backticks
 * ({@code `30s`}, {@code `0` (off)}); prose ({@code required}, {@code the global ones}, {@code –}) states none. Durations
 * and data sizes are compared as values ({@code 0} = {@code 0s}), lists element by element, the rest as text.
 */
class PropertyTablesTests {

    private static final String ROOT = "aws.bidi.";

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static final Pattern RELATIVE_KEY = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.\\{[a-z0-9-, ]+})?");

    /**
     * Metadata keys under {@code aws.bidi} that no table documents, each with the reason. Empty: every key a user can
     * write is in a table.
     */
    private static final Map<String, String> UNDOCUMENTED = Map.of();

    private final ConfigurationMetadata metadata = ConfigurationMetadata.load();

    private final List<Documented> documented = documented();

    /** A documented key, where it is documented and the default its row states, if any. */
    record Documented(String key, String where, @Nullable String stated) {}

    @Test
    void thePagesHavePropertyTablesAndTheMetadataIsOnTheClassPath() {
        assertThat(documented).isNotEmpty();
        assertThat(metadata.properties().keySet()).anyMatch(name -> name.startsWith(ROOT));
    }

    @Test
    void everyTableOfAwsBidiKeysIsAPropertyTableOrAMeterTable() {
        // So that a property table headed otherwise is not left out of the checks unseen.
        List<String> unrecognised = Markdown.tableRows().stream()
                .filter(row -> row.cells().get(0).startsWith("`" + ROOT))
                .filter(row -> !row.header().get(0).equalsIgnoreCase("property")
                        && !row.header().get(0).equalsIgnoreCase("name"))
                .map(row -> row.where() + ": headed " + row.header())
                .toList();
        assertThat(unrecognised)
                .as("tables of aws.bidi names headed neither 'property' (keys) nor 'name' (meters)")
                .isEmpty();
    }

    @Test
    void everyDocumentedKeyIsInTheMetadata() {
        List<String> unknown = documented.stream()
                .filter(key -> !metadata.properties().containsKey(key.key()))
                .map(key -> key.where() + ": " + key.key())
                .toList();
        assertThat(unknown)
                .as("keys the property tables name that the configuration metadata does not have")
                .isEmpty();
    }

    @Test
    void everyMetadataKeyIsDocumented() {
        List<String> keys = documented.stream().map(Documented::key).toList();
        List<String> undocumented = metadata.properties().keySet().stream()
                .filter(name -> name.startsWith(ROOT))
                .filter(name -> !keys.contains(name))
                .filter(name -> !(ConfigurationMetadata.isMap(metadata.type(name))
                        && keys.stream().anyMatch(key -> key.startsWith(name + "."))))
                .filter(name -> !UNDOCUMENTED.containsKey(name))
                .sorted()
                .toList();
        assertThat(undocumented)
                .as("aws.bidi keys of the configuration metadata that no property table documents")
                .isEmpty();
        assertThat(UNDOCUMENTED.keySet())
                .as("excluded keys that the metadata no longer has, or that a table now documents")
                .allMatch(name -> metadata.properties().containsKey(name) && !keys.contains(name));
    }

    @Test
    void statedDefaultsAreTheMetadatas() {
        List<String> wrong = new ArrayList<>();
        for (Documented key : documented) {
            String stated = key.stated();
            String actual = metadata.defaultValue(key.key());
            if (stated != null && actual != null && !same(stated, actual, metadata.type(key.key()))) {
                wrong.add(key.where() + ": " + key.key() + " is documented with default '" + stated
                        + "', the metadata states '" + actual + "'");
            }
        }
        assertThat(wrong).as("defaults the property tables state wrongly").isEmpty();
    }

    private static boolean same(String stated, String actual, @Nullable String type) {
        if ("java.time.Duration".equals(type)) {
            return Objects.equals(duration(stated), duration(actual));
        }
        if ("org.springframework.util.unit.DataSize".equals(type)) {
            return Objects.equals(dataSize(stated), dataSize(actual));
        }
        return elements(stated).equals(elements(actual));
    }

    private static @Nullable Object duration(String value) {
        try {
            return DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException ex) {
            return value;
        }
    }

    private static @Nullable Object dataSize(String value) {
        try {
            return DataSize.parse(value);
        } catch (IllegalArgumentException ex) {
            return value;
        }
    }

    private static List<String> elements(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    /** Every key the tables document, in page order. */
    static List<Documented> documented() {
        List<Documented> keys = new ArrayList<>();
        for (Markdown.Row row : Markdown.tableRows()) {
            if (!row.header().get(0).equalsIgnoreCase("property")) {
                continue; // another table: meters ("name"), causes, results
            }
            List<String> names = codeIn(row.cells().get(0));
            if (names.isEmpty() || !names.get(0).startsWith(ROOT)) {
                continue;
            }
            List<String> full = new ArrayList<>();
            String group = parentOf(names.get(0));
            for (String name : names) {
                String key = name.startsWith(ROOT) ? name : name.startsWith(".") ? group + name : group + "." + name;
                if (name.startsWith(ROOT)) {
                    group = parentOf(name);
                }
                full.add(key.replaceAll("<[^>]+>", "*"));
            }
            List<String> defaults = row.cells().size() > 1
                    ? Arrays.stream(row.cells().get(1).split(" / ")).toList()
                    : List.of();
            for (int i = 0; i < full.size(); i++) {
                String key = full.get(i);
                if (key.endsWith(".*")) {
                    String prefix = key.substring(0, key.length() - 1);
                    String listed = row.cells().get(row.cells().size() - 1);
                    for (String relative : codeIn(listed)) {
                        if (RELATIVE_KEY.matcher(relative).matches()) {
                            expand(relative).forEach(k -> keys.add(new Documented(prefix + k, row.where(), null)));
                        }
                    }
                } else {
                    String stated = defaults.size() == full.size()
                            ? stated(defaults.get(i))
                            : defaults.size() == 1 ? stated(defaults.get(0)) : null;
                    keys.add(new Documented(key, row.where(), stated));
                }
            }
        }
        return keys;
    }

    /** {@code renewal.{enabled, threshold}} → {@code renewal.enabled}, {@code renewal.threshold}. */
    private static List<String> expand(String relative) {
        int brace = relative.indexOf(".{");
        if (brace < 0) {
            return List.of(relative);
        }
        String head = relative.substring(0, brace + 1);
        return Arrays.stream(
                        relative.substring(brace + 2, relative.length() - 1).split(","))
                .map(tail -> head + tail.strip())
                .toList();
    }

    /** The default a part of the defaults cell states: its leading value in backticks, else none. */
    private static @Nullable String stated(String part) {
        String stripped = part.strip();
        if (!stripped.startsWith("`")) {
            return null;
        }
        List<String> code = codeIn(stripped);
        return code.isEmpty() ? null : code.get(0);
    }

    private static String parentOf(String key) {
        return key.substring(0, key.lastIndexOf('.'));
    }

    private static List<String> codeIn(String cell) {
        List<String> code = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            code.add(matcher.group(1));
        }
        return code;
    }
}
