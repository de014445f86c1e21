package io.github.awsbidi.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The documentation's pages, README.md at the repository's root and every {@code *.md} in this module's folder
 * (docs/), read the way the checks need them: fenced code blocks by language and table rows, each with the page and
 * line it comes from, so that a failure names where to look.
 */
final class Markdown {

    private Markdown() {}

    /** A fenced code block: its page, the line of its opening fence (1-based) and its lines, fence indent removed. */
    record Block(Path page, int line, List<String> lines) {

        String where() {
            return page.getFileName() + ":" + line;
        }
    }

    /**
     * A table row: its page, its line (1-based), its cells (trimmed, without the outer pipes) and its table's header
     * cells.
     */
    record Row(Path page, int line, List<String> cells, List<String> header) {

        String where() {
            return page.getFileName() + ":" + line;
        }
    }

    /**
     * This module's folder: the {@code basedir} surefire sets, else the working directory when it holds this module,
     * else its {@code docs} child (a run from the repository's root).
     */
    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        List<Path> candidates = new ArrayList<>();
        if (basedir != null) {
            candidates.add(Paths.get(basedir));
        }
        Path cwd = Paths.get("").toAbsolutePath();
        candidates.add(cwd);
        candidates.add(cwd.resolve("docs"));
        return candidates.stream()
                .map(Path::toAbsolutePath)
                .filter(dir -> Files.isDirectory(dir.resolve("src/test/java/io/github/awsbidi/docs")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Cannot find the docs module from " + candidates));
    }

    /** README.md, then docs/*.md in name order. */
    static List<Path> pages() {
        Path module = moduleDir();
        List<Path> pages = new ArrayList<>();
        Path readme = Objects.requireNonNull(module.getParent()).resolve("README.md");
        if (Files.isRegularFile(readme)) {
            pages.add(readme);
        }
        try (Stream<Path> files = Files.list(module)) {
            files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(pages::add);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return pages;
    }

    /** Every fenced block (``` or ~~~, indented or not) whose info string's first word is {@code language}. */
    static List<Block> blocks(String language) {
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = read(page);
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                int indent = indentOf(line);
                String stripped = line.strip();
                String fence = fenceOf(stripped);
                if (fence == null) {
                    i++;
                    continue;
                }
                String info = stripped.substring(fence.length()).strip();
                String word = info.isEmpty() ? "" : info.split("\\s+")[0].toLowerCase(Locale.ROOT);
                int open = i;
                List<String> content = new ArrayList<>();
                i++;
                while (i < lines.size() && !closes(lines.get(i).strip(), fence)) {
                    content.add(unindent(lines.get(i), indent));
                    i++;
                }
                i++; // the closing fence (or the end of the page, as CommonMark has it)
                if (word.equals(language)) {
                    blocks.add(new Block(page, open + 1, List.copyOf(content)));
                }
            }
        }
        return blocks;
    }

    /** Every body row of a table outside fenced blocks (header and delimiter rows left out). */
    static List<Row> tableRows() {
        List<Row> rows = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = read(page);
            String fence = null;
            List<String> header = null;
            for (int i = 0; i < lines.size(); i++) {
                String stripped = lines.get(i).strip();
                if (fence != null) {
                    if (closes(stripped, fence)) {
                        fence = null;
                    }
                    continue;
                }
                fence = fenceOf(stripped);
                if (fence != null || !stripped.startsWith("|")) {
                    header = null;
                    continue;
                }
                if (stripped.matches("\\|[\\s|:-]*")) {
                    continue;
                }
                if (header == null) {
                    header = cells(stripped);
                } else {
                    rows.add(new Row(page, i + 1, cells(stripped), header));
                }
            }
        }
        return rows;
    }

    /** The cells of a row; a pipe inside backticks or escaped ({@code \|}) does not split. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        String body = row.strip();
        body = body.startsWith("|") ? body.substring(1) : body;
        body = body.endsWith("|") && !body.endsWith("\\|") ? body.substring(0, body.length() - 1) : body;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The opening fence of a stripped line (three or more backticks or tildes), or null. */
    private static @Nullable String fenceOf(String stripped) {
        for (char mark : new char[] {'`', '~'}) {
            int n = 0;
            while (n < stripped.length() && stripped.charAt(n) == mark) {
                n++;
            }
            if (n >= 3 && (mark == '~' || stripped.indexOf('`', n) < 0)) {
                return stripped.substring(0, n);
            }
        }
        return null;
    }

    private static boolean closes(String stripped, String fence) {
        return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** A content line with up to the opening fence's indentation removed, as CommonMark reads it. */
    private static String unindent(String line, int indent) {
        int n = Math.min(indent, indentOf(line));
        return line.substring(n);
    }
}
