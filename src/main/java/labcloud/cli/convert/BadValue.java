package labcloud.cli.convert;

import java.util.function.Function;
import labcloud.core.UsageException;
import picocli.CommandLine.TypeConversionException;

/**
 * A value an option's converter refused. The converter does not know which option it serves, so
 * the message is made once the option is known (by the bad-usage handler), from the same parser
 * that refused the value: the one line reads as it did when commands parsed their own options.
 */
public final class BadValue extends TypeConversionException {
    private final transient Function<String, String> message;

    private BadValue(Function<String, String> message) {
        super(message.apply("value"));
        this.message = message;
    }

    /** The one-line message for the option (or parameter label) named {@code option}. */
    public String messageFor(String option) {
        return message.apply(option);
    }

    /** Runs {@code parse} (given an option name for its error message), turning its usage error into a BadValue. */
    static <T> T parse(Function<String, T> parse) {
        try {
            return parse.apply("value");
        } catch (UsageException e) {
            throw new BadValue(option -> {
                try {
                    parse.apply(option);
                    return e.getMessage();
                } catch (UsageException named) {
                    return named.getMessage();
                }
            });
        }
    }
}
