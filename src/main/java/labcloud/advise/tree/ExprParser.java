package labcloud.advise.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.Sizes;
import labcloud.core.UsageException;

/**
 * Parses a test: {@code expr := or; or := and ('or' and)*; and := not ('and' not)*;
 * not := 'not' not | cmp; cmp := atom (('<'|'<='|'>'|'>='|'=='|'!=') atom)?;
 * atom := '(' expr ')' | name | number | size (64GiB) | "text" | true | false}.
 * Errors are IllegalArgumentException with a message that names the position.
 */
public final class ExprParser {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<size>\\d+(?:\\.\\d+)?\\s*(?:[kKmMgGtTpP](?:i?[bB])?|[bB])(?![A-Za-z0-9]))|(?<num>\\d+(?:\\.\\d+)?)"
                    + "|(?<op><=|>=|==|!=|<|>|\\(|\\))|(?<str>\"[^\"]*\")|(?<name>[A-Za-z][A-Za-z0-9_]*))");

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Character> types = new ArrayList<>();
    private int pos;

    private ExprParser(String text) {
        this.text = text;
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) break;
            if (!m.find(at) || m.start() != at) throw new IllegalArgumentException("cannot read '" + text.substring(at).strip() + "'");
            char type = m.group("size") != null ? 's' : m.group("num") != null ? 'n' : m.group("op") != null ? 'o'
                    : m.group("str") != null ? 't' : 'w';
            tokens.add(m.group().strip());
            types.add(type);
            at = m.end();
        }
    }

    public static Expr parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty test");
        ExprParser p = new ExprParser(text);
        Expr e = p.or();
        if (p.pos < p.tokens.size()) throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "'");
        return e;
    }

    private boolean at(String word) {
        return pos < tokens.size() && tokens.get(pos).equals(word) && (types.get(pos) == 'w' || types.get(pos) == 'o');
    }

    private Expr or() {
        Expr e = and();
        while (at("or")) {
            pos++;
            e = new Expr.Logic(false, e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = not();
        while (at("and")) {
            pos++;
            e = new Expr.Logic(true, e, not());
        }
        return e;
    }

    private Expr not() {
        if (at("not")) {
            pos++;
            return new Expr.Not(not());
        }
        Expr left = atom();
        if (pos < tokens.size() && types.get(pos) == 'o' && !tokens.get(pos).equals("(") && !tokens.get(pos).equals(")")) {
            String op = tokens.get(pos++);
            return new Expr.Compare(op, left, atom());
        }
        return left;
    }

    private Expr atom() {
        if (pos >= tokens.size()) throw new IllegalArgumentException("'" + text.strip() + "' ends too early");
        String t = tokens.get(pos);
        char type = types.get(pos++);
        switch (type) {
            case 's' -> {
                try {
                    return new Expr.Literal((double) Sizes.parse("size", t), Fact.SIZE);
                } catch (UsageException e) {
                    throw new IllegalArgumentException("invalid size '" + t + "'");
                }
            }
            case 'n' -> {
                return new Expr.Literal(Double.parseDouble(t), Fact.NUMBER);
            }
            case 't' -> {
                return new Expr.Literal(t.substring(1, t.length() - 1), Fact.TEXT);
            }
            case 'o' -> {
                if (!t.equals("(")) throw new IllegalArgumentException("unexpected '" + t + "'");
                Expr e = or();
                if (!at(")")) throw new IllegalArgumentException("missing ')'");
                pos++;
                return e;
            }
            default -> {
                if (t.equals("true") || t.equals("false")) return new Expr.Literal(Boolean.parseBoolean(t), Fact.BOOL);
                if (t.equals("and") || t.equals("or") || t.equals("not")) throw new IllegalArgumentException("unexpected '" + t + "'");
                return new Expr.Name(t);
            }
        }
    }
}
