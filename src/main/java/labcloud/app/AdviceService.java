package labcloud.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.advise.Advice;
import labcloud.advise.Advisor;
import labcloud.advise.ProfileInputs;
import labcloud.advise.diagram.MermaidDiagram;
import labcloud.advise.diagram.SvgDiagram;
import labcloud.advise.profile.Profile;
import labcloud.advise.profile.ProfileFile;
import labcloud.advise.tree.AdviceTree;
import labcloud.advise.tree.TreeLoader;
import labcloud.core.Environment;
import labcloud.pricing.PriceCatalog;

/**
 * "Where should this job run?" for the CLI and the dashboard: the lab's tree (its own
 * ~/.labcloud/advice.yaml or the bundled one), the price catalog, the inputs (flags or form
 * fields over a profile), and the answer or a diagram. No AWS call: everything is local data.
 */
public final class AdviceService {
    private final AdviceTree tree;
    private final PriceCatalog catalog;

    public AdviceService(AdviceTree tree, PriceCatalog catalog) {
        this.tree = tree;
        this.catalog = catalog;
    }

    /** @param treeFile an explicit tree file, or null for ~/.labcloud/advice.yaml else the bundled one */
    public static AdviceService load(Environment env, Path treeFile) {
        return new AdviceService(TreeLoader.load(env, treeFile), PriceCatalog.load(env));
    }

    public AdviceTree tree() {
        return tree;
    }

    /** Inputs from a profile file with the given values on top (a given value wins). */
    public static Map<String, Object> withProfile(Path profileFile, Map<String, Object> given) {
        return withProfile(profileFile == null ? null : ProfileFile.read(profileFile), given);
    }

    /** Inputs from a profile (null: none) with the given values on top. */
    public static Map<String, Object> withProfile(Profile profile, Map<String, Object> given) {
        Map<String, Object> in = new LinkedHashMap<>();
        if (profile != null) in.putAll(ProfileInputs.from(profile));
        given.forEach((k, v) -> {
            if (v != null) in.put(k, v);
        });
        return in;
    }

    /**
     * Raw values (flags, form fields) by fact name to typed values; blank ones are left out.
     * Errors are one line naming the flag (exit 2 on the command line, 400 on the dashboard).
     */
    public static Map<String, Object> parseInputs(Map<String, String> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((name, v) -> {
            if (v == null || v.isBlank()) return;
            labcloud.advise.tree.Facts.Def d = labcloud.advise.tree.Facts.get(name);
            if (d == null || !d.input()) throw new labcloud.core.UsageException("unknown input '" + name + "'");
            out.put(name, labcloud.advise.tree.Values.parse(d.kind(), d.flag(), v));
        });
        return out;
    }

    /** The names of the inputs a form or query may give (ram, cores, gpu, ...). */
    public static java.util.List<String> inputNames() {
        return labcloud.advise.tree.Facts.all().values().stream().filter(labcloud.advise.tree.Facts.Def::input).map(labcloud.advise.tree.Facts.Def::name).toList();
    }

    /** The inputs this tree has no default for: what a user must give, or is asked for on a terminal. */
    public java.util.List<labcloud.advise.tree.Facts.Def> required() {
        return Advisor.required(tree);
    }

    /** The regions the catalog prices EC2 in. */
    public java.util.Set<String> regions() {
        return catalog.regions();
    }

    public Advice advise(String region, Map<String, Object> inputs) {
        return Advisor.advise(tree, catalog, region, inputs);
    }

    public String svg(Advice highlighted) {
        return SvgDiagram.render(tree, highlighted == null ? java.util.List.of() : highlighted.pathNodes());
    }

    public String mermaid(Advice highlighted) {
        return MermaidDiagram.render(tree, highlighted == null ? java.util.List.of() : highlighted.pathNodes());
    }
}
