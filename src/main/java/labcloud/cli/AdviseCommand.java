package labcloud.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import labcloud.advise.Advice;
import labcloud.advise.tree.Facts;
import labcloud.app.AdviceService;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "advise", sortOptions = false,
        description = {"Where should a job run: laptop, lab server, EC2 (on-demand, spot, or big only while it runs), or only storage?",
                "Walks the lab's decision tree (~/.labcloud/advice.yaml, else the bundled one) and prints the path with each step's "
                        + "reason, the cheapest instance types, storage, egress and break-even from the price catalog. No AWS calls.",
                "Missing required values are asked on a terminal; elsewhere they must be given (exit 2)."})
public final class AdviseCommand extends BaseCommand {
    @Option(names = "--ram", paramLabel = "SIZE", description = "memory the job needs, e.g. 64GiB")
    String ram;
    @Option(names = "--cores", paramLabel = "N", description = "CPU cores (vCPUs) it keeps busy")
    String cores;
    @Option(names = "--gpu", arity = "0..1", fallbackValue = "yes", paramLabel = "yes|no", description = "it needs a GPU")
    String gpu;
    @Option(names = "--gpu-memory", paramLabel = "SIZE", description = "memory it needs on one GPU")
    String gpuMemory;
    @Option(names = "--hours", paramLabel = "H", description = "wall-clock hours of one run")
    String hours;
    @Option(names = "--runs-per-month", paramLabel = "N", description = "runs a month (default 1)")
    String runsPerMonth;
    @Option(names = "--data", paramLabel = "SIZE", description = "size of the input data, e.g. 2TiB")
    String data;
    @Option(names = "--data-location", paramLabel = "local|s3://B/P", description = "where the data lives (default local)")
    String dataLocation;
    @Option(names = "--results", paramLabel = "SIZE", description = "results of one run to bring back")
    String results;
    @Option(names = "--users", paramLabel = "N", description = "people who use the data")
    String users;
    @Option(names = "--months", paramLabel = "N", description = "how long the project runs (default 1)")
    String months;
    @Option(names = "--interruptible", arity = "0..1", fallbackValue = "yes", paramLabel = "yes|no",
            description = "the job checkpoints and can resume after an interruption (spot)")
    String interruptible;
    @Option(names = "--laptop-ram", paramLabel = "SIZE", description = "your laptop's memory (default from the tree: 16GiB)")
    String laptopRam;
    @Option(names = "--laptop-cores", paramLabel = "N", description = "your laptop's cores (default 8)")
    String laptopCores;
    @Option(names = "--lab-server-ram", paramLabel = "SIZE", description = "the lab server's memory (default 0: none)")
    String labServerRam;
    @Option(names = "--lab-server-cores", paramLabel = "N", description = "the lab server's cores (default 32)")
    String labServerCores;
    @Option(names = "--lab-server-gpu", arity = "0..1", fallbackValue = "yes", paramLabel = "yes|no", description = "the lab server has a GPU")
    String labServerGpu;
    @Option(names = "--buy-price", paramLabel = "USD", description = "price of a workstation you could buy instead (break-even)")
    String buyPrice;
    @Option(names = "--from-profile", paramLabel = "FILE", description = "inputs from `labcloud profile --save FILE` (flags override)")
    Path fromProfile;
    @Option(names = "--tree", paramLabel = "FILE", description = "a decision tree file instead of ~/.labcloud/advice.yaml")
    Path treeFile;
    @Option(names = "--diagram", paramLabel = "svg|mermaid", description = "draw the whole tree (the answer's path highlighted when inputs are given)")
    String diagram;

    @Override
    protected int run() {
        if (diagram != null && !diagram.equals("svg") && !diagram.equals("mermaid")) {
            throw new UsageException("--diagram: expected svg or mermaid, got '" + diagram + "'");
        }
        AdviceService service = AdviceService.load(env(), treeFile);
        Map<String, Object> given = given();
        Map<String, Object> inputs = AdviceService.withProfile(fromProfile, given);
        if (diagram != null && inputs.isEmpty()) {
            out().stdout().print(diagram.equals("svg") ? service.svg(null) : service.mermaid(null));
            return ExitCode.OK;
        }
        askMissing(service, inputs);
        Advice advice = service.advise(account().region(), inputs);
        if (diagram != null) {
            out().stdout().print(diagram.equals("svg") ? service.svg(advice) : service.mermaid(advice));
        } else if (out().format() == labcloud.cli.output.Format.JSON) {
            out().json(advice);
        } else {
            AdviceText.advice(out(), advice);
        }
        return ExitCode.OK;
    }

    /** The flags given, parsed by the kind of fact each sets. */
    private Map<String, Object> given() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("ram", ram);
        raw.put("cores", cores);
        raw.put("gpu", gpu);
        raw.put("gpuMemory", gpuMemory);
        raw.put("hours", hours);
        raw.put("runsPerMonth", runsPerMonth);
        raw.put("data", data);
        raw.put("dataLocation", dataLocation);
        raw.put("results", results);
        raw.put("users", users);
        raw.put("months", months);
        raw.put("interruptible", interruptible);
        raw.put("laptopRam", laptopRam);
        raw.put("laptopCores", laptopCores);
        raw.put("labServerRam", labServerRam);
        raw.put("labServerCores", labServerCores);
        raw.put("labServerGpu", labServerGpu);
        raw.put("buyPrice", buyPrice);
        return AdviceService.parseInputs(raw);
    }

    /** On a terminal, asks for each required value that is still missing; elsewhere the advisor reports them (exit 2). */
    private void askMissing(AdviceService service, Map<String, Object> inputs) {
        if (!Prompts.interactive()) return;
        for (Facts.Def d : service.required()) {
            for (int attempt = 0; attempt < 3 && !inputs.containsKey(d.name()); attempt++) {
                String answer = Prompts.ask(d.meaning() + " (" + d.flag() + ")?");
                if (answer == null) return;
                try {
                    inputs.putAll(AdviceService.parseInputs(Map.of(d.name(), answer)));
                } catch (UsageException e) {
                    out().warn(e.getMessage());
                }
            }
        }
    }
}
