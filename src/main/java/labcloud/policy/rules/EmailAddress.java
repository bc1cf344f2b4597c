package labcloud.policy.rules;

import java.util.regex.Pattern;

/** The plausibility check the lab's Email tag must pass: one @, a dotted domain, no spaces. */
public final class EmailAddress {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private EmailAddress() {}

    public static boolean isValid(String s) {
        return s != null && ADDRESS.matcher(s.trim()).matches();
    }
}
