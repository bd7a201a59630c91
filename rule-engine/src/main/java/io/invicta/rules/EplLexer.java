package io.invicta.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A small EPL tokenizer for the sandbox: identifiers, numbers, string literals and single-character
 * symbols, each with its line and column; comments dropped. It only needs to be exact about what is
 * code and what is a comment or a string, so that a forbidden call cannot hide from {@link Sandbox}
 * and a string cannot trip it.
 */
final class EplLexer {

    enum Kind {
        IDENT,
        NUMBER,
        STRING,
        SYMBOL,
        TRIPLE_QUOTE
    }

    record Token(Kind kind, String text, int line, int column) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isWord(String word) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(word);
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private EplLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new EplLexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int column = pos - lineStart + 1;
            int startLine = line;
            if (c == '\n') {
                newline();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos) || text.startsWith("--", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                skipTo(end < 0 ? text.length() : end + 2);
            } else if (text.startsWith("\"\"\"", pos)) {
                tokens.add(new Token(Kind.TRIPLE_QUOTE, "\"\"\"", startLine, column));
                int end = text.indexOf("\"\"\"", pos + 3);
                skipTo(end < 0 ? text.length() : end + 3);
            } else if (c == '\'' || c == '"') {
                int start = pos++;
                while (pos < text.length() && text.charAt(pos) != c) {
                    if (text.charAt(pos) == '\\') {
                        pos++;
                    }
                    if (pos < text.length() && text.charAt(pos) == '\n') {
                        newline();
                    } else {
                        pos++;
                    }
                }
                pos = Math.min(pos + 1, text.length());
                tokens.add(new Token(Kind.STRING, text.substring(start, pos), startLine, column));
            } else if (c == '`') {
                int end = text.indexOf('`', pos + 1);
                int stop = end < 0 ? text.length() : end + 1;
                tokens.add(
                        new Token(
                                Kind.IDENT,
                                text.substring(pos + 1, Math.max(pos + 1, stop - 1)),
                                startLine,
                                column));
                pos = stop;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, pos), startLine, column));
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < text.length()
                        && (Character.isLetterOrDigit(text.charAt(pos))
                                || text.charAt(pos) == '.')) {
                    pos++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, pos), startLine, column));
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), startLine, column));
                pos++;
            }
        }
        return tokens;
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private void skipTo(int end) {
        while (pos < end) {
            if (text.charAt(pos) == '\n') {
                newline();
            } else {
                pos++;
            }
        }
    }
}
