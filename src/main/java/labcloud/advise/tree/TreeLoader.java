package labcloud.advise.tree;

import static labcloud.core.LocatedYaml.error;
import static labcloud.core.LocatedYaml.map;
import static labcloud.core.LocatedYaml.shown;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labcloud.core.Environment;
import labcloud.core.LabFile;
import labcloud.core.LocatedYaml;
import labcloud.core.UsageException;

/**
 * Reads a decision tree file. Every mistake (YAML syntax, unknown field, a test that does not
 * parse or compares a size with yes/no, a branch to nowhere, a loop, an unreachable node) is one
 * line naming the file, the line and the field, as policy files do (exit 2).
 */
public final class TreeLoader {
    public static final String BUNDLED = "advise/advice.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private TreeLoader() {}

    /** The explicit file, else ~/.labcloud/advice.yaml if present, else the bundled tree. */
    public static AdviceTree load(Environment env, Path explicit) {
        return LabFile.read(env, explicit, "advice.yaml", "advice tree")
                .map(f -> parse(f.text(), f.source()))
                .orElseGet(TreeLoader::bundled);
    }

    public static AdviceTree bundled() {
        try (InputStream in = TreeLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("bundled advice tree missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("bundled advice tree unreadable", e);
        }
    }

    public static AdviceTree parse(String text, String source) {
        LocatedYaml.Node root;
        try {
            root = LocatedYaml.parse(text);
        } catch (LocatedYaml.SyntaxError e) {
            throw new UsageException(source + ":" + e.line + ": " + e.getMessage());
        }
        Map<String, LocatedYaml.Node> top = map(source, root, "(document)");
        for (var f : top.entrySet()) {
            if (!Set.of("title", "settings", "defaults", "start", "questions", "leaves").contains(f.getKey())) {
                throw error(source, f.getValue(), f.getKey(), "unknown field (expected title, settings, defaults, start, questions, leaves)");
            }
        }
        String title = top.containsKey("title") ? text(source, top.get("title"), "title") : "When to use the cloud";

        Map<String, AdviceTree.Setting> settings = new LinkedHashMap<>();
        if (top.containsKey("settings")) {
            for (var s : map(source, top.get("settings"), "settings").entrySet()) {
                String where = "settings." + s.getKey();
                if (!s.getKey().matches("[A-Za-z][A-Za-z0-9_]*") || Facts.get(s.getKey()) != null) {
                    throw error(source, s.getValue(), where, "a setting needs a name of its own (letters and digits, not a fact's name)");
                }
                settings.put(s.getKey(), setting(source, s.getKey(), s.getValue(), where));
            }
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (top.containsKey("defaults")) {
            for (var d : map(source, top.get("defaults"), "defaults").entrySet()) {
                String where = "defaults." + d.getKey();
                Facts.Def def = Facts.get(d.getKey());
                if (def == null || !def.input()) throw error(source, d.getValue(), where, "not an input (inputs: " + inputs() + ")");
                try {
                    defaults.put(d.getKey(), Values.parse(def.kind(), where, d.getValue().value()));
                } catch (UsageException e) {
                    throw error(source, d.getValue(), where, e.getMessage().substring(where.length() + 2));
                }
            }
        }
        Map<String, Fact> kinds = new HashMap<>();
        Facts.all().values().forEach(f -> kinds.put(f.name(), f.kind()));
        settings.values().forEach(s -> kinds.put(s.name(), s.kind()));

        if (!top.containsKey("questions")) throw error(source, root, "questions", "missing");
        if (!top.containsKey("leaves")) throw error(source, root, "leaves", "missing");
        Map<String, AdviceTree.Leaf> leaves = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (var l : map(source, top.get("leaves"), "leaves").entrySet()) {
            String where = "leaves." + l.getKey();
            id(source, l.getValue(), where, l.getKey());
            leaves.put(l.getKey(), leaf(source, l.getKey(), l.getValue(), where, kinds));
            lines.put(l.getKey(), l.getValue().line());
        }
        Map<String, AdviceTree.Question> questions = new LinkedHashMap<>();
        Map<String, LocatedYaml.Node> questionNodes = map(source, top.get("questions"), "questions");
        for (var q : questionNodes.entrySet()) {
            String where = "questions." + q.getKey();
            id(source, q.getValue(), where, q.getKey());
            if (leaves.containsKey(q.getKey())) throw error(source, q.getValue(), where, "a leaf has the same name");
            questions.put(q.getKey(), question(source, q.getKey(), q.getValue(), where, kinds));
            lines.put(q.getKey(), q.getValue().line());
        }
        if (!top.containsKey("start")) throw error(source, root, "start", "missing (the first question)");
        String start = text(source, top.get("start"), "start");
        if (!questions.containsKey(start)) throw error(source, top.get("start"), "start", "no question '" + start + "'");
        for (var q : questions.values()) {
            for (var b : List.of(q.then(), q.otherwise())) {
                if (!questions.containsKey(b.next()) && !leaves.containsKey(b.next())) {
                    LocatedYaml.Node qn = questionNodes.get(q.id());
                    throw error(source, qn, "questions." + q.id() + "." + (b == q.then() ? "then" : "else") + ".next",
                            "no question or leaf '" + b.next() + "'");
                }
            }
        }
        checkShape(source, start, questions, leaves, lines);
        return new AdviceTree(source, title, start, questions, leaves, settings, defaults);
    }

    /** No loops (a walk must end) and nothing unreachable (it would be dead text in the lab's tree). */
    private static void checkShape(String source, String start, Map<String, AdviceTree.Question> questions,
                                   Map<String, AdviceTree.Leaf> leaves, Map<String, Integer> lines) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        visit(source, start, questions, state, lines);
        for (String id : questions.keySet()) {
            if (!state.containsKey(id)) throw new UsageException(source + ":" + lines.get(id) + ": questions." + id + ": unreachable from start");
        }
        for (String id : leaves.keySet()) {
            if (!state.containsKey(id)) throw new UsageException(source + ":" + lines.get(id) + ": leaves." + id + ": unreachable from start");
        }
    }

    private static void visit(String source, String id, Map<String, AdviceTree.Question> questions, Map<String, Integer> state,
                              Map<String, Integer> lines) {
        Integer s = state.get(id);
        if (s != null && s == 1) throw new UsageException(source + ":" + lines.get(id) + ": questions." + id + ": leads back to itself (a loop)");
        if (s != null) return;
        state.put(id, 1);
        AdviceTree.Question q = questions.get(id);
        if (q != null) {
            visit(source, q.then().next(), questions, state, lines);
            visit(source, q.otherwise().next(), questions, state, lines);
        }
        state.put(id, 2);
    }

    private static AdviceTree.Question question(String source, String id, LocatedYaml.Node node, String where, Map<String, Fact> kinds) {
        Map<String, LocatedYaml.Node> f = map(source, node, where);
        for (var e : f.entrySet()) {
            if (!Set.of("ask", "if", "then", "else").contains(e.getKey())) {
                throw error(source, e.getValue(), where + "." + e.getKey(), "unknown field (expected ask, if, then, else)");
            }
        }
        String ask = text(source, required(source, f, "ask", node, where), where + ".ask");
        LocatedYaml.Node ifNode = required(source, f, "if", node, where);
        String testText = text(source, ifNode, where + ".if");
        Expr test;
        try {
            test = ExprParser.parse(testText);
            if (Expr.kind(test, kinds) != Fact.BOOL) throw new IllegalArgumentException("is not a yes/no test");
        } catch (IllegalArgumentException e) {
            throw error(source, ifNode, where + ".if", e.getMessage());
        }
        return new AdviceTree.Question(id, ask, testText, test, branch(source, f, "then", node, where, kinds),
                branch(source, f, "else", node, where, kinds));
    }

    private static AdviceTree.Branch branch(String source, Map<String, LocatedYaml.Node> f, String name, LocatedYaml.Node parent,
                                            String where, Map<String, Fact> kinds) {
        String at = where + "." + name;
        LocatedYaml.Node n = required(source, f, name, parent, where);
        if (n.value() instanceof String next) return new AdviceTree.Branch(next, null); // "then: laptop" without a reason
        Map<String, LocatedYaml.Node> b = map(source, n, at);
        for (var e : b.entrySet()) {
            if (!Set.of("next", "say").contains(e.getKey())) throw error(source, e.getValue(), at + "." + e.getKey(), "unknown field (expected next, say)");
        }
        String next = text(source, required(source, b, "next", n, at), at + ".next");
        String say = b.containsKey("say") ? template(source, b.get("say"), at + ".say", kinds) : null;
        return new AdviceTree.Branch(next, say);
    }

    private static AdviceTree.Leaf leaf(String source, String id, LocatedYaml.Node node, String where, Map<String, Fact> kinds) {
        Map<String, LocatedYaml.Node> f = map(source, node, where);
        for (var e : f.entrySet()) {
            if (!Set.of("kind", "title", "say", "market", "setupType").contains(e.getKey())) {
                throw error(source, e.getValue(), where + "." + e.getKey(), "unknown field (expected kind, title, say, market, setupType)");
            }
        }
        LocatedYaml.Node kn = required(source, f, "kind", node, where);
        String k = text(source, kn, where + ".kind");
        AdviceTree.Kind kind = null;
        for (AdviceTree.Kind c : AdviceTree.Kind.values()) if (c.id.equals(k)) kind = c;
        if (kind == null) throw error(source, kn, where + ".kind", "expected laptop, lab-server, ec2, ec2-short or storage, got '" + k + "'");
        String title = text(source, required(source, f, "title", node, where), where + ".title");
        String say = f.containsKey("say") ? template(source, f.get("say"), where + ".say", kinds) : null;
        String market = "on-demand";
        if (f.containsKey("market")) {
            market = text(source, f.get("market"), where + ".market");
            if (!market.equals("on-demand") && !market.equals("spot")) throw error(source, f.get("market"), where + ".market", "expected on-demand or spot");
            if (kind != AdviceTree.Kind.EC2) throw error(source, f.get("market"), where + ".market", "only an ec2 leaf has a market");
        }
        String setup = null;
        if (f.containsKey("setupType")) {
            setup = text(source, f.get("setupType"), where + ".setupType");
            if (kind != AdviceTree.Kind.EC2_SHORT) throw error(source, f.get("setupType"), where + ".setupType", "only an ec2-short leaf has a setup type");
            if (!setup.matches("[a-z][a-z0-9-]*\\.[a-z0-9]+")) throw error(source, f.get("setupType"), where + ".setupType", "not an instance type");
        } else if (kind == AdviceTree.Kind.EC2_SHORT) {
            setup = "t3.medium";
        }
        return new AdviceTree.Leaf(id, kind, title, say, market, setup);
    }

    private static AdviceTree.Setting setting(String source, String name, LocatedYaml.Node node, String where) {
        Object v = node.value();
        if (v instanceof Boolean b) return new AdviceTree.Setting(name, Fact.BOOL, b);
        if (v instanceof Number n) return new AdviceTree.Setting(name, Fact.NUMBER, n.doubleValue());
        if (v instanceof String s) {
            if (s.strip().matches("\\d+(\\.\\d+)?\\s*h")) return new AdviceTree.Setting(name, Fact.HOURS, Values.parse(Fact.HOURS, where, s));
            if (s.strip().matches("\\d+(\\.\\d+)?\\s*([kKmMgGtTpP](i?[bB])?|[bB])")) {
                return new AdviceTree.Setting(name, Fact.SIZE, Values.parse(Fact.SIZE, where, s));
            }
            return new AdviceTree.Setting(name, Fact.TEXT, s);
        }
        throw error(source, node, where, "expected a number, a size (100GB), hours (12h), yes/no or text");
    }

    /** A reason text; its {placeholders} must name facts or settings. */
    private static String template(String source, LocatedYaml.Node node, String where, Map<String, Fact> kinds) {
        String s = text(source, node, where);
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            if (!kinds.containsKey(m.group(1))) throw error(source, node, where, "unknown placeholder {" + m.group(1) + "}");
        }
        return s;
    }

    private static void id(String source, LocatedYaml.Node node, String where, String id) {
        if (!ID.matcher(id).matches()) throw error(source, node, where, "a name is lower-case letters, digits and dashes");
    }

    private static LocatedYaml.Node required(String source, Map<String, LocatedYaml.Node> f, String name, LocatedYaml.Node parent, String where) {
        LocatedYaml.Node n = f.get(name);
        if (n == null || n.value() == null) throw error(source, n == null ? parent : n, where + "." + name, "missing");
        return n;
    }

    private static String text(String source, LocatedYaml.Node node, String where) {
        if (node.value() instanceof String s && !s.isBlank()) return s.strip();
        throw error(source, node, where, "expected text, got " + shown(node.value()));
    }

    private static String inputs() {
        return String.join(", ", Facts.all().values().stream().filter(Facts.Def::input).map(Facts.Def::name).toList());
    }

    /** Fills {name} placeholders with the formatted values. */
    public static String fill(String template, java.util.function.Function<String, String> formatted) {
        if (template == null) return null;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(formatted.apply(m.group(1))));
        m.appendTail(sb);
        return sb.toString();
    }
}
