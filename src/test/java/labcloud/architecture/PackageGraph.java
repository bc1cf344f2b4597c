package labcloud.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * labcloud's class-to-class dependencies as the JDK's jdeps reads them from the compiled classes
 * (so a reference in a lambda or a signature counts, not only an import line), and the modules they
 * fall in: a module is {@code labcloud.<first segment>}, its subpackages included.
 */
record PackageGraph(List<Edge> edges) {

    record Edge(String fromClass, String toClass) {
        String fromPackage() {
            return packageOf(fromClass);
        }

        String toPackage() {
            return packageOf(toClass);
        }

        String fromModule() {
            return moduleOf(fromPackage());
        }

        String toModule() {
            return moduleOf(toPackage());
        }
    }

    static PackageGraph of(Path classes) {
        if (!Files.isDirectory(classes)) throw new IllegalStateException(classes + " is missing: compile first");
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none",
                "-e", "labcloud\\..*", classes.toString());
        if (rc != 0) throw new IllegalStateException("jdeps failed (" + rc + "): " + err);
        return parse(out.toString());
    }

    /** Lines such as {@code    labcloud.cli.Main   -> labcloud.core.Environment   classes}. */
    static PackageGraph parse(String jdepsOutput) {
        List<Edge> edges = new ArrayList<>();
        for (String line : jdepsOutput.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("labcloud.") && f[2].startsWith("labcloud.")) {
                edges.add(new Edge(f[0], f[2]));
            }
        }
        return new PackageGraph(List.copyOf(edges));
    }

    /** Package -> the other packages it uses. */
    Map<String, Set<String>> packageArrows() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Edge e : edges) {
            if (!e.fromPackage().equals(e.toPackage())) out.computeIfAbsent(e.fromPackage(), k -> new TreeSet<>()).add(e.toPackage());
        }
        return out;
    }

    /** Module -> the other modules it uses. */
    Map<String, Set<String>> moduleArrows() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Edge e : edges) {
            if (!e.fromModule().equals(e.toModule())) out.computeIfAbsent(e.fromModule(), k -> new TreeSet<>()).add(e.toModule());
        }
        return out;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    static String moduleOf(String pkg) {
        String[] p = pkg.split("\\.");
        return p.length < 2 ? pkg : p[0] + "." + p[1];
    }

    /** Prints the package arrows (used to compare the layout before and after a change). */
    public static void main(String[] args) {
        of(Path.of(args.length > 0 ? args[0] : "target/classes")).packageArrows()
                .forEach((from, tos) -> tos.forEach(to -> System.out.println(from + " -> " + to)));
    }
}
