package labcloud.cli;

import java.io.Console;

/** Yes/no questions on a terminal; never asked in pipes, where flags decide instead. */
final class Prompts {
    private Prompts() {}

    static boolean interactive() {
        return isTerminal(System.console());
    }

    /**
     * From JDK 22 on, System.console() is non-null even in pipes; Console.isTerminal() (22+) tells
     * the difference. Called reflectively because the language level is 21.
     */
    static boolean isTerminal(Console c) {
        if (c == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a non-null console is a terminal
        }
    }

    /** Asks on the terminal; false when there is none or the answer is not yes. */
    static boolean confirm(String question) {
        Console c = System.console();
        if (!isTerminal(c)) return false;
        String answer = c.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** Reads a line (not a secret) from the terminal, or null when there is none. */
    static String ask(String question) {
        Console c = System.console();
        if (!isTerminal(c)) return null;
        String answer = c.readLine("%s ", question);
        return answer == null ? null : answer.strip();
    }
}
