package io.invicta.rules;

/**
 * An error in a rule file, where an analyst's editor can jump to it: {@code file:line:col:
 * message}.
 */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
