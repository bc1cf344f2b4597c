package labcloud.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import labcloud.advise.diagram.MermaidDiagram;
import labcloud.advise.diagram.SvgDiagram;
import labcloud.advise.tree.AdviceTree;
import labcloud.advise.tree.TreeLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The drawings: well-formed SVG with the answer's path marked, and Mermaid that mermaid's own parser accepts. */
public class DiagramTest {
    private static final AdviceTree TREE = TreeLoader.bundled();
    static final Path NODE_DIR = Path.of("src", "test", "node");

    @TempDir
    Path tmp;

    private static Advice sixtyFour() {
        return AdviceTreeTest.advise(AdviceTreeTest.job("ram", "64GiB", "cores", "16", "hours", "40", "runsPerMonth", "4"));
    }

    @Test
    void svgIsWellFormedAndMarksThePath() throws Exception {
        Advice a = sixtyFour();
        String svg = SvgDiagram.render(TREE, a.pathNodes());
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        List<String> nodes = new ArrayList<>();
        List<String> onPath = new ArrayList<>();
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        int edges = 0;
        int edgesOnPath = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String cls = g.getAttribute("class");
            if (cls.startsWith("node")) {
                nodes.add(g.getAttribute("id").substring("node-".length()));
                if (cls.contains("on-path")) onPath.add(g.getAttribute("id").substring("node-".length()));
            } else if (cls.startsWith("edge")) {
                edges++;
                if (cls.contains("on-path")) edgesOnPath++;
            }
        }
        List<String> all = new ArrayList<>(TREE.questions().keySet());
        all.addAll(TREE.leaves().keySet());
        assertThat(nodes).containsExactlyInAnyOrderElementsOf(all);
        assertThat(onPath).containsExactlyInAnyOrderElementsOf(a.pathNodes());
        assertThat(edges).isEqualTo(2 * TREE.questions().size());
        assertThat(edgesOnPath).isEqualTo(a.pathNodes().size() - 1);
        // Text from the tree is escaped: a question with markup in it stays text.
        String hostile = SvgDiagram.render(TreeLoader.parse("""
                start: a
                questions:
                  a: {ask: "<script>alert(1)</script> & \\"q\\"", if: "ram > 1GiB", then: b, else: c}
                leaves:
                  b: {kind: laptop, title: "<b>x</b>"}
                  c: {kind: ec2, title: "c & d"}
                """, "t.yaml"), List.of());
        Document h = f.newDocumentBuilder().parse(new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)));
        assertThat(h.getElementsByTagName("script").getLength()).isZero();
        assertThat(h.getElementsByTagName("b").getLength()).isZero();
        assertThat(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void mermaidOutputParsesWithMermaidsOwnParser() throws Exception {
        String withPath = MermaidDiagram.render(TREE, sixtyFour().pathNodes());
        String plain = MermaidDiagram.render(TREE, List.of());
        assertThat(withPath).startsWith("flowchart TD\n").contains("classDef onpath", "linkStyle ");
        assertThat(withPath.lines().filter(l -> l.contains("-->|")).count()).isEqualTo(2L * TREE.questions().size());
        // Hostile labels (quotes, #, ;, <, >, &) and a name that is a Mermaid keyword.
        String odd = MermaidDiagram.render(TreeLoader.parse("""
                start: end
                questions:
                  end: {ask: "Is it \\"big\\"; #1 <or> & more?", if: "ram > 1GiB", then: graph, else: subgraph}
                leaves:
                  graph: {kind: laptop, title: "a;b #x"}
                  subgraph: {kind: ec2, title: "c & d <e>"}
                """, "t.yaml"), List.of("end", "graph"));
        Path dir = Files.createDirectories(tmp.resolve("mmd"));
        Files.writeString(dir.resolve("path.mmd"), withPath);
        Files.writeString(dir.resolve("plain.mmd"), plain);
        Files.writeString(dir.resolve("odd.mmd"), odd);
        Files.writeString(dir.resolve("broken.mmd"), withPath.replaceFirst("\"}\n", "\n")); // a control: must be rejected
        List<String> out = runMermaidParser(dir.resolve("path.mmd"), dir.resolve("plain.mmd"), dir.resolve("odd.mmd"), dir.resolve("broken.mmd"));
        assertThat(out).anyMatch(l -> l.startsWith("OK flowchart") && l.endsWith("path.mmd"));
        assertThat(out).anyMatch(l -> l.startsWith("OK flowchart") && l.endsWith("plain.mmd"));
        assertThat(out).anyMatch(l -> l.startsWith("OK flowchart") && l.endsWith("odd.mmd"));
        assertThat(out).anyMatch(l -> l.startsWith("ERROR") && l.contains("broken.mmd"));
    }

    /** Runs src/test/node/mermaid-parse.mjs (mermaid's parser under node); installed by scripts/install-test-deps. */
    public static List<String> runMermaidParser(Path... files) throws Exception {
        boolean node = new ProcessBuilder("sh", "-c", "command -v node").start().waitFor() == 0;
        Assumptions.assumeTrue(node, "SKIPPED LOUDLY: node is not installed, so Mermaid output cannot be checked with mermaid's parser "
                + "(apt-get install nodejs npm, then scripts/install-test-deps)");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("mermaid"))) {
            fail("mermaid is not installed under " + NODE_DIR + ": run scripts/install-test-deps (npm ci there)");
        }
        List<String> cmd = new ArrayList<>(List.of("node", NODE_DIR.resolve("mermaid-parse.mjs").toString()));
        for (Path f : files) cmd.add(f.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("mermaid parser did not finish");
        }
        return out.lines().toList();
    }
}
