package labcloud.policy.rules;

/** A rule parameter: its type (for validating policy files) and its built-in default. */
public record Param(Type type, Object defaultValue) {
    public enum Type {
        INT("a whole number"), STRING("a text value"), STRING_LIST("a list of text values"), SEVERITY("low, medium, high or critical");

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    public static Param integer(int value) {
        return new Param(Type.INT, value);
    }

    public static Param list(String... values) {
        return new Param(Type.STRING_LIST, java.util.List.of(values));
    }

    public static Param severity(Severity s) {
        return new Param(Type.SEVERITY, s.label());
    }
}
