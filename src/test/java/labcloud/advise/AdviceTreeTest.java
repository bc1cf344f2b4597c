package labcloud.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import labcloud.advise.tree.AdviceTree;
import labcloud.advise.tree.Facts;
import labcloud.advise.tree.TreeLoader;
import labcloud.advise.tree.Values;
import labcloud.core.Sizes;
import labcloud.core.UsageException;
import labcloud.pricing.PriceCatalog;
import org.junit.jupiter.api.Test;

/** The bundled tree: every leaf is reachable by some input, reasons carry the numbers, bad tree files are one clear line. */
class AdviceTreeTest {
    private static final AdviceTree TREE = TreeLoader.bundled();
    private static final PriceCatalog CATALOG = PriceCatalog.bundled();

    static Map<String, Object> job(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            String name = (String) kv[i];
            Facts.Def d = Facts.get(name);
            m.put(name, Values.parse(d.kind(), d.flag(), kv[i + 1]));
        }
        return m;
    }

    static Advice advise(Map<String, Object> in) {
        return Advisor.advise(TREE, CATALOG, "us-east-1", in);
    }

    /** One input per leaf of the bundled tree; together they must reach every leaf it has. */
    static final Map<String, Map<String, Object>> ONE_PER_LEAF = Map.of(
            "storage-only", job("ram", "1GiB", "cores", "1", "hours", "0", "data", "5TiB"),
            "laptop", job("ram", "8GiB", "cores", "2", "hours", "1"),
            "lab-server", job("ram", "64GiB", "cores", "16", "hours", "40", "labServerRam", "256GiB"),
            "ec2-on-demand", job("ram", "16GiB", "cores", "4", "hours", "30", "runsPerMonth", "20"),
            "ec2-spot", job("ram", "64GiB", "cores", "16", "hours", "40", "interruptible", "yes"),
            "ec2-short", job("ram", "64GiB", "cores", "16", "hours", "40", "runsPerMonth", "4"));

    @Test
    void everyLeafOfTheBundledTreeIsReachedBySomeInput() {
        Set<String> reached = new TreeSet<>();
        ONE_PER_LEAF.forEach((leaf, in) -> {
            Advice a = advise(in);
            assertThat(a.leaf().id()).as("input for " + leaf).isEqualTo(leaf);
            reached.add(a.leaf().id());
        });
        assertThat(reached).isEqualTo(new TreeSet<>(TREE.leaves().keySet()));
        // And on-demand for a big job that runs most of the month.
        assertThat(advise(job("ram", "64GiB", "cores", "16", "hours", "100", "runsPerMonth", "4")).leaf().id()).isEqualTo("ec2-on-demand");
    }

    @Test
    void everyQuestionOfTheBundledTreeIsAskedWithBothAnswersSomewhere() {
        Set<String> seen = new TreeSet<>();
        List<Map<String, Object>> inputs = new java.util.ArrayList<>(ONE_PER_LEAF.values());
        inputs.add(job("ram", "8GiB", "cores", "16", "hours", "1"));
        inputs.add(job("ram", "64GiB", "cores", "16", "hours", "100", "runsPerMonth", "4"));
        inputs.add(job("ram", "8GiB", "cores", "2", "hours", "1", "gpu", "yes"));
        inputs.add(job("ram", "8GiB", "cores", "2", "hours", "20"));
        inputs.add(job("ram", "512GiB", "cores", "2", "hours", "2", "labServerRam", "256GiB"));
        inputs.add(job("ram", "64GiB", "cores", "64", "hours", "2", "labServerRam", "256GiB"));
        inputs.add(job("ram", "8GiB", "cores", "2", "hours", "2", "gpu", "yes", "labServerRam", "256GiB"));
        inputs.add(job("ram", "8GiB", "cores", "2", "hours", "2", "gpu", "yes", "labServerRam", "256GiB", "labServerGpu", "yes"));
        inputs.add(job("ram", "8GiB", "cores", "2", "hours", "2", "data", "2TiB", "dataLocation", "s3://b/p"));
        for (var in : inputs) advise(in).path().forEach(s -> seen.add(s.question() + "=" + s.answer()));
        Set<String> all = new TreeSet<>();
        TREE.questions().keySet().forEach(q -> {
            all.add(q + "=true");
            all.add(q + "=false");
        });
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void eachStepSaysWhyWithTheNumbers() {
        Advice a = advise(job("ram", "64GiB", "cores", "16", "hours", "40", "runsPerMonth", "4", "laptopRam", "16GiB"));
        assertThat(a.path().get(2).reason()).isEqualTo("needs 64 GiB > your laptop's 16 GiB -> not the laptop");
        assertThat(a.path().get(3).reason()).isEqualTo("no lab server given (--lab-server-ram) -> the cloud");
        assertThat(a.path()).extracting(s -> s.question()).containsExactly("compute", "data-gravity", "laptop-ram", "lab-server-exists",
                "cloud-interruptible", "cloud-big", "cloud-occasional");
        // The data in S3 decides it: the egress cost of bringing it down is in the reason.
        Advice g = advise(job("ram", "8GiB", "cores", "2", "hours", "2", "data", "2TiB", "dataLocation", "s3://lab/imaging"));
        assertThat(g.path().get(1).reason()).startsWith("2 TiB already in S3: downloading it costs $175.32");
        assertThat(g.leaf().kind()).isEqualTo("ec2");
    }

    @Test
    void missingInputsNameTheirFlags() {
        assertThatThrownBy(() -> advise(job("ram", "8GiB"))).isInstanceOf(UsageException.class)
                .hasMessage("missing --cores, --hours (or --from-profile FILE)");
        assertThat(Advisor.required(TREE)).extracting(Facts.Def::name).containsExactly("ram", "cores", "hours");
        assertThatThrownBy(() -> advise(job("ram", "8GiB", "cores", "2", "hours", "1", "dataLocation", "ftp://x")))
                .hasMessageContaining("--data-location: expected local, s3 or s3://bucket/prefix");
    }

    @Test
    void badTreeFilesAreOneLineWithFileLineAndField() {
        String good = """
                start: a
                questions:
                  a:
                    ask: Big?
                    if: ram > 16GiB
                    then: {next: cloud, say: "needs {ram}"}
                    else: laptop
                leaves:
                  cloud: {kind: ec2, title: Cloud}
                  laptop: {kind: laptop, title: Laptop}
                """;
        AdviceTree t = TreeLoader.parse(good, "t.yaml");
        assertThat(t.questions()).containsOnlyKeys("a");
        Map<String, String> bad = new HashMap<>();
        bad.put(good.replace("ram > 16GiB", "ram > gpu"), "t.yaml:5: questions.a.if: cannot compare size > bool");
        bad.put(good.replace("ram > 16GiB", "ram >"), "t.yaml:5: questions.a.if: 'ram >' ends too early");
        bad.put(good.replace("ram > 16GiB", "rma > 16GiB"), "t.yaml:5: questions.a.if: unknown name 'rma'");
        bad.put(good.replace("ram > 16GiB", "ram"), "t.yaml:5: questions.a.if: is not a yes/no test");
        bad.put(good.replace("else: laptop", "else: desktop"), "t.yaml:3: questions.a.else.next: no question or leaf 'desktop'");
        bad.put(good.replace("kind: ec2,", "kind: mainframe,"), "t.yaml:9: leaves.cloud.kind: expected laptop, lab-server, ec2, ec2-short or storage");
        bad.put(good.replace("needs {ram}", "needs {memory}"), "t.yaml:6: questions.a.then.say: unknown placeholder {memory}");
        bad.put(good.replace("start: a", "start: b"), "t.yaml:1: start: no question 'b'");
        bad.put(good.replace("ask: Big?", "ask: Big?\n    colour: red"), "t.yaml:5: questions.a.colour: unknown field");
        bad.put(good.replace("else: laptop", "else: a"), "t.yaml:3: questions.a: leads back to itself (a loop)");
        bad.put(good + "  spare: {kind: laptop, title: Spare}\n", "t.yaml:11: leaves.spare: unreachable from start");
        bad.put(good.replace("questions:", "questions: [\n"), "t.yaml:");
        bad.put("defaults:\n  ram: lots\n" + good, "t.yaml:2: defaults.ram: invalid size 'lots'");
        bad.put("defaults:\n  colour: red\n" + good, "t.yaml:2: defaults.colour: not an input");
        bad.forEach((text, message) -> assertThatThrownBy(() -> TreeLoader.parse(text, "t.yaml")).as(message)
                .isInstanceOf(UsageException.class).hasMessageStartingWith(message).hasMessageNotContaining("\n"));
    }

    @Test
    void expressionsJoinTestsWithAndOrNotAndParentheses() {
        String tree = """
                settings: {big: 32GiB, far: "s3"}
                start: a
                questions:
                  a: {ask: "?", if: "not (ram <= big or gpu) and dataLocation == far", then: yes-leaf, else: no-leaf}
                leaves:
                  yes-leaf: {kind: ec2, title: Y}
                  no-leaf: {kind: laptop, title: N}
                """;
        AdviceTree t = TreeLoader.parse(tree, "t.yaml");
        var base = job("ram", "64GiB", "cores", "1", "hours", "1", "gpu", "no", "runsPerMonth", "1", "data", "0", "results", "0",
                "users", "1", "months", "1", "interruptible", "no", "laptopRam", "1GiB", "laptopCores", "1", "labServerRam", "0",
                "labServerCores", "0", "labServerGpu", "no", "buyPrice", "0", "gpuMemory", "0");
        base.put("dataLocation", "s3://x/y");
        assertThat(Advisor.advise(t, CATALOG, "us-east-1", base).leaf().id()).isEqualTo("yes-leaf");
        base.put("gpu", true);
        assertThat(Advisor.advise(t, CATALOG, "us-east-1", base).leaf().id()).isEqualTo("no-leaf");
        base.put("gpu", false);
        base.put("ram", (double) Sizes.parse("r", "16GiB"));
        assertThat(Advisor.advise(t, CATALOG, "us-east-1", base).leaf().id()).isEqualTo("no-leaf");
    }
}
