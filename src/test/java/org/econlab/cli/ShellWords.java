package org.econlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of a command line as a POSIX shell would pass them, for the tests that dry-parse the commands
 * quoted in the docs and in usage footers: words split on blanks, single and double quotes and backslashes
 * honoured, a {@code #} comment dropped, and the words cut at the first shell operator ({@code > < | ; &&})
 * that ends the command. {@code ~} and {@code $VAR} are kept as written (picocli only needs their shape).
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The words of {@code line}. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (!inWord && (c == '#' || c == '>' || c == '<' || c == '|' || c == ';' || c == '&')) {
                break; // a comment or the end of this command
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /**
     * The lab's arguments in {@code line} when it runs the lab: it starts with {@code llm-economist-lab} (or a path
     * ending in it, e.g. {@code llm-economist-lab/bin/llm-economist-lab}), or with {@code java [options] -jar
     * ...llm-economist-lab....jar}; empty otherwise.
     */
    static Optional<List<String>> labArguments(String line) {
        List<String> w = split(line);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String first = w.get(0);
        if (first.equals("llm-economist-lab") || first.endsWith("/bin/llm-economist-lab")) {
            return Optional.of(w.subList(1, w.size()));
        }
        if (first.equals("java")) {
            int jar = w.indexOf("-jar");
            if (jar > 0 && jar + 1 < w.size() && w.get(jar + 1).matches(".*llm-economist-lab[^/]*\\.jar")) {
                return Optional.of(w.subList(jar + 2, w.size()));
            }
        }
        return Optional.empty();
    }
}
