package labcloud.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import labcloud.core.ExitCode;
import labcloud.core.Json;
import labcloud.core.LabcloudException;
import labcloud.core.UsageException;

/**
 * The least-privilege IAM policy of each labcloud command, built from the
 * {@code iam/<command>.json} resources ({@code {"command":"tag set","actions":["ec2:CreateTags",...]}})
 * that each command ships. A file may add {@code "includes":["inventory"]} when its command runs
 * another one, so that its policy follows that command's needs as they change.
 */
public final class IamPolicyCatalog {
    /** One command's needs. @param file the resource name without .json, e.g. "tag-set" */
    public record CommandActions(String command, String file, List<String> actions) {}

    /** As read from the file: its own actions and the other files whose actions it needs too. */
    record Declared(String command, String file, List<String> actions, List<String> includes) {}

    private final Map<String, CommandActions> byFile;

    private IamPolicyCatalog(Map<String, CommandActions> byFile) {
        this.byFile = byFile;
    }

    public static IamPolicyCatalog load() {
        Map<String, Declared> m = new TreeMap<>();
        ClassLoader cl = IamPolicyCatalog.class.getClassLoader();
        try {
            Enumeration<URL> dirs = cl.getResources("iam");
            while (dirs.hasMoreElements()) {
                for (String name : list(dirs.nextElement())) {
                    if (!name.endsWith(".json")) continue;
                    try (InputStream in = cl.getResourceAsStream("iam/" + name)) {
                        if (in == null) continue;
                        Declared c = parse(name, in);
                        m.putIfAbsent(c.file(), c);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new LabcloudException(ExitCode.FAILED, "cannot read labcloud's IAM policy files: " + e.getMessage(), e);
        }
        Map<String, CommandActions> resolved = new TreeMap<>();
        for (Declared d : m.values()) {
            TreeSet<String> actions = new TreeSet<>();
            collect(d, m, actions, new java.util.HashSet<>());
            resolved.put(d.file(), new CommandActions(d.command(), d.file(), List.copyOf(actions)));
        }
        return new IamPolicyCatalog(resolved);
    }

    /** A command that runs another (audit runs the inventory) needs that one's actions as well. */
    private static void collect(Declared d, Map<String, Declared> all, TreeSet<String> into, java.util.Set<String> visited) {
        if (!visited.add(d.file())) return;
        into.addAll(d.actions());
        for (String inc : d.includes()) {
            Declared other = all.get(inc);
            if (other != null) collect(other, all, into, visited);
        }
    }

    private static List<String> list(URL dir) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if ("file".equals(dir.getProtocol())) {
            try (var files = Files.list(Path.of(dir.toURI()))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        } else if ("jar".equals(dir.getProtocol())) {
            JarURLConnection conn = (JarURLConnection) dir.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String n = entries.nextElement().getName();
                    if (n.startsWith("iam/") && n.indexOf('/', 4) < 0 && n.length() > 4) names.add(n.substring(4));
                }
            }
        }
        return names;
    }

    static Declared parse(String name, InputStream in) throws IOException {
        JsonNode doc = Json.MAPPER.readTree(in);
        String command = doc.path("command").asText(null);
        if (command == null || !doc.path("actions").isArray()) {
            throw new LabcloudException(ExitCode.FAILED, "iam/" + name + ": expected {\"command\":...,\"actions\":[...]}");
        }
        List<String> actions = new ArrayList<>();
        doc.get("actions").forEach(a -> actions.add(a.asText()));
        List<String> includes = new ArrayList<>();
        doc.path("includes").forEach(a -> includes.add(a.asText()));
        return new Declared(command, name.substring(0, name.length() - ".json".length()), List.copyOf(new TreeSet<>(actions)),
                includes);
    }

    public List<CommandActions> commands() {
        return List.copyOf(byFile.values());
    }

    /** Finds a command by its name ("tag set"), its file name ("tag-set") or its first word when unambiguous. */
    public CommandActions find(String query) {
        String q = query.trim().replaceAll("\\s+", " ");
        for (CommandActions c : byFile.values()) {
            if (c.command().equalsIgnoreCase(q) || c.file().equalsIgnoreCase(q) || c.file().equalsIgnoreCase(q.replace(' ', '-'))) return c;
        }
        List<CommandActions> prefixed = byFile.values().stream().filter(c -> c.command().startsWith(q + " ")).toList();
        if (prefixed.size() == 1) return prefixed.get(0);
        String known = String.join(", ", byFile.values().stream().map(CommandActions::command).toList());
        throw new UsageException("no IAM policy for command '" + query + "'" + (prefixed.isEmpty() ? "" : " (ambiguous)")
                + "; known: " + known);
    }

    /** An IAM policy document allowing exactly these actions. */
    public static Map<String, Object> document(String sid, List<String> actions) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        if (actions.isEmpty()) {
            // A statement with no action is invalid IAM: a command that needs nothing gets no statement.
            doc.put("Statement", List.of());
            return doc;
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", new ArrayList<>(new TreeSet<>(actions)));
        statement.put("Resource", "*");
        doc.put("Statement", List.of(statement));
        return doc;
    }

    public Map<String, Object> documentFor(CommandActions c) {
        return document(sid(c.command()), c.actions());
    }

    /** Every command's actions in one policy. */
    public Map<String, Object> union() {
        List<String> all = new ArrayList<>();
        byFile.values().forEach(c -> all.addAll(c.actions()));
        return document("Labcloud", all);
    }

    static String sid(String command) {
        StringBuilder sb = new StringBuilder("Labcloud");
        for (String w : command.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }
}
