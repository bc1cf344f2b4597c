package labcloud.advise.tree;

import java.util.Map;
import java.util.function.Function;

/**
 * A test in the decision tree: comparisons of facts, settings and literals joined by and/or/not,
 * e.g. {@code ram <= laptopRam and not gpu}. Parsed by {@link ExprParser}, type-checked when the
 * tree is loaded, so that a walk can only fail on a missing input.
 */
public sealed interface Expr {
    /** Evaluates against the facts and settings (numbers and sizes as Double, Boolean, String). */
    Object eval(Function<String, Object> values);

    /** The names the expression reads. */
    void names(java.util.Set<String> into);

    record Name(String name) implements Expr {
        public Object eval(Function<String, Object> values) {
            return values.apply(name);
        }

        public void names(java.util.Set<String> into) {
            into.add(name);
        }
    }

    record Literal(Object value, Fact kind) implements Expr {
        public Object eval(Function<String, Object> values) {
            return value;
        }

        public void names(java.util.Set<String> into) {}
    }

    record Not(Expr operand) implements Expr {
        public Object eval(Function<String, Object> values) {
            return !(Boolean) operand.eval(values);
        }

        public void names(java.util.Set<String> into) {
            operand.names(into);
        }
    }

    /** and / or, evaluated left to right with short-circuit. */
    record Logic(boolean and, Expr left, Expr right) implements Expr {
        public Object eval(Function<String, Object> values) {
            boolean l = (Boolean) left.eval(values);
            if (and && !l) return false;
            if (!and && l) return true;
            return (Boolean) right.eval(values);
        }

        public void names(java.util.Set<String> into) {
            left.names(into);
            right.names(into);
        }
    }

    record Compare(String op, Expr left, Expr right) implements Expr {
        public Object eval(Function<String, Object> values) {
            Object a = left.eval(values);
            Object b = right.eval(values);
            if (a instanceof Number x && b instanceof Number y) {
                int c = Double.compare(x.doubleValue(), y.doubleValue());
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "==" -> c == 0;
                    default -> c != 0;
                };
            }
            boolean eq = a.equals(b);
            return op.equals("==") == eq;
        }

        public void names(java.util.Set<String> into) {
            left.names(into);
            right.names(into);
        }
    }

    /** The kind of an expression given the kinds of the names; throws IllegalArgumentException with the reason. */
    static Fact kind(Expr e, Map<String, Fact> kinds) {
        return switch (e) {
            case Name n -> {
                Fact k = kinds.get(n.name());
                if (k == null) throw new IllegalArgumentException("unknown name '" + n.name() + "' (facts: "
                        + String.join(", ", Facts.all().keySet()) + "; or a setting)");
                yield k;
            }
            case Literal l -> l.kind();
            case Not n -> {
                if (kind(n.operand(), kinds) != Fact.BOOL) throw new IllegalArgumentException("'not' needs a yes/no operand");
                yield Fact.BOOL;
            }
            case Logic l -> {
                if (kind(l.left(), kinds) != Fact.BOOL || kind(l.right(), kinds) != Fact.BOOL) {
                    throw new IllegalArgumentException("'" + (l.and() ? "and" : "or") + "' joins yes/no tests, e.g. ram > 16GiB and gpu");
                }
                yield Fact.BOOL;
            }
            case Compare c -> {
                Fact a = kind(c.left(), kinds);
                Fact b = kind(c.right(), kinds);
                boolean ordered = !c.op().equals("==") && !c.op().equals("!=");
                if (a.numeric() && b.numeric()) {
                    if (a != b && a != Fact.NUMBER && b != Fact.NUMBER) {
                        throw new IllegalArgumentException("compares a " + a.name().toLowerCase() + " with a " + b.name().toLowerCase());
                    }
                } else if (a != b || ordered) {
                    throw new IllegalArgumentException("cannot compare " + a.name().toLowerCase() + " " + c.op() + " "
                            + b.name().toLowerCase());
                }
                yield Fact.BOOL;
            }
        };
    }
}
