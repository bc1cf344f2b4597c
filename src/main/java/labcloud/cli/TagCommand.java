package labcloud.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labcloud.cli.convert.RegionsConverter;
import labcloud.cli.output.Table;
import labcloud.core.AuditLog;
import labcloud.core.ExitCode;
import labcloud.core.RegionError;
import labcloud.core.UsageException;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.Resource;
import labcloud.policy.LabPolicy;
import labcloud.policy.OwnerTagFixer;
import labcloud.policy.PolicyLoader;
import labcloud.policy.TagChange;
import labcloud.policy.TagSelection;
import labcloud.policy.TagWriter;
import labcloud.trail.TrailFacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tag", description = "Set the lab's tags on resources; dry run unless --apply.",
        subcommands = {TagCommand.SetTags.class, TagCommand.FixTags.class})
public final class TagCommand extends BaseCommand {
    @Override
    protected int run() {
        throw new UsageException("tag needs a subcommand: set or fix (see 'labcloud tag --help')");
    }

    /** Options both subcommands share. */
    abstract static class Mutation extends BaseCommand {
        @Option(names = "--apply", description = "make the changes (without it, only print the plan)")
        boolean apply;

        @Option(names = "--regions", paramLabel = "all|r1,r2", converter = RegionsConverter.class, description = "regions to look in (default all enabled)")
        String regions = "all";

        Inventory inventory() {
            List<String> regionList = account().regions(regions);
            var progress = out().progress("tag");
            progress.update("inventory of " + regionList.size() + " regions");
            Set<String> types = Set.copyOf(TagSelection.TAGGABLE.stream().filter(t -> !t.equals(Resource.IAM_USER)).toList());
            Set<String> withUsers = new java.util.HashSet<>(types);
            withUsers.add(Resource.IAM_USER);
            Inventory inv = account().collect(new InventoryOptions(regionList, withUsers, false, null));
            progress.done();
            return inv;
        }

        /** Prints the plan (or, with --apply, what was done) and returns the exit code. */
        int execute(List<TagChange> plan, List<String> unattributed, List<RegionError> readErrors, String command) {
            List<TagWriter.Outcome> outcomes = apply ? account().tagWriter(new AuditLog(env())).apply(plan, command) : List.of();
            // One row per tag so that values (e-mail addresses) stay readable at 80 columns; the reason is in the JSON.
            Table t = new Table().fixed("RESOURCE").fixed("REGION").left("TAG").left("VALUE").left("WAS");
            if (apply) t.left("RESULT");
            List<Map<String, Object>> changes = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                TagChange c = plan.get(i);
                TagWriter.Outcome o = apply ? outcomes.get(i) : null;
                boolean first = true;
                for (Map.Entry<String, String> tag : c.set().entrySet()) {
                    String was = c.previous().get(tag.getKey());
                    List<Object> cells = new ArrayList<>(List.of(first ? c.resourceId() : "", first ? c.region() : "",
                            tag.getKey(), tag.getValue(), was == null ? "-" : was.isEmpty() ? "''" : was));
                    if (apply) cells.add(!first ? "" : o.applied() ? "done" : "FAILED");
                    t.row(cells.toArray());
                    first = false;
                }
                if (o != null && !o.applied()) out().warn(c.resourceId() + ": " + o.error());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("change", c);
                m.put("status", o == null ? "planned" : o.applied() ? "applied" : "failed");
                m.put("error", o == null ? null : o.error());
                changes.add(m);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("apply", apply);
            json.put("changes", changes);
            json.put("unattributed", unattributed);
            json.put("errors", readErrors);
            out().result(json, t);
            long failed = outcomes.stream().filter(o -> !o.applied()).count();
            if (!apply) {
                out().info(plan.isEmpty() ? "nothing to change" : "dry run: " + plan.size() + " resources would be tagged; "
                        + "run again with --apply to do it");
            } else {
                out().info((plan.size() - failed) + " resources tagged" + (failed > 0 ? ", " + failed + " failed" : "")
                        + "; recorded in " + new AuditLog(env()).file());
            }
            if (!unattributed.isEmpty()) {
                out().warn(unattributed.size() + " resources have no creator in CloudTrail; tag them with labcloud tag set: "
                        + String.join(" ", unattributed));
            }
            readErrors.forEach(e -> out().warn(e.region() + " " + e.service() + ": " + e.message()));
            if (failed > 0 && failed == plan.size() && outcomes.stream().allMatch(TagWriter.Outcome::authError)) return ExitCode.AUTH;
            return failed > 0 || !readErrors.isEmpty() ? ExitCode.PARTIAL : ExitCode.OK;
        }

        private static String kv(Map<String, String> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(" ", parts);
        }
    }

    @Command(name = "set", description = "Set tags on resources by id or by --filter: labcloud tag set ID... Key=Value... [--apply]")
    static final class SetTags extends Mutation {
        @Parameters(arity = "1..*", paramLabel = "ID|Key=Value", description = "resource ids and the tags to set")
        List<String> args = new ArrayList<>();

        @Option(names = "--filter", paramLabel = "KEY=VALUE", description = "select resources: type=, region=, state=, name=, "
                + "tag:KEY=VALUE (tag:KEY= for a missing tag); repeatable, all must match")
        List<String> filters = new ArrayList<>();

        @Option(names = "--missing-only", description = "only set keys the resource lacks (or has empty)")
        boolean missingOnly;

        @Override
        protected int run() {
            List<String> ids = new ArrayList<>();
            List<String> tagArgs = new ArrayList<>();
            for (String a : args) (a.contains("=") ? tagArgs : ids).add(a);
            if (tagArgs.isEmpty()) throw new UsageException("tag set: no Key=Value given");
            if (ids.isEmpty() && filters.isEmpty()) throw new UsageException("tag set: give resource ids or --filter");
            Map<String, String> tags = TagSelection.parseTags(tagArgs);
            filters.forEach(f -> TagSelection.matches(null, f, true));
            Inventory inv = inventory();
            List<TagChange> plan = TagSelection.plan(inv.resources(), ids, filters, tags, missingOnly);
            return execute(plan, List.of(), inv.errors(), "tag set");
        }
    }

    @Command(name = "fix", description = "Fill Owner (and Email) from who created each resource in CloudTrail: "
            + "labcloud tag fix --from-trail [--apply]")
    static final class FixTags extends Mutation {
        @Option(names = "--from-trail", description = "take the owner from CloudTrail's creation events (required)")
        boolean fromTrail;

        @Option(names = "--overwrite", description = "replace existing Owner/Email values too")
        boolean overwrite;

        @Option(names = "--policy", paramLabel = "FILE", description = "lab policy with the people map (user -> e-mail)")
        Path policyFile;

        @Override
        protected int run() {
            if (!fromTrail) throw new UsageException("tag fix: say where owners come from: --from-trail");
            LabPolicy policy = PolicyLoader.load(env(), policyFile);
            Inventory inv = inventory();
            var progress = out().progress("tag");
            progress.update("reading CloudTrail");
            TrailFacts facts = account().trailFacts(inv.resources(), inv.regions());
            progress.done();
            List<String> types = policy.rule("required-tags").listParam("resourceTypes");
            OwnerTagFixer.Plan plan = OwnerTagFixer.plan(inv.resources(), facts.creators(), policy.people(), types, overwrite);
            List<RegionError> errors = new ArrayList<>(inv.errors());
            errors.addAll(facts.errors());
            return execute(plan.changes(), plan.unattributed().stream().map(Resource::id).toList(), errors, "tag fix --from-trail");
        }
    }
}
