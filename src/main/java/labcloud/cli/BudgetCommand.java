package labcloud.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labcloud.app.BudgetChanges;
import labcloud.cli.convert.RegionsConverter;
import labcloud.cli.output.Table;
import labcloud.core.AuditLog;
import labcloud.core.ExitCode;
import labcloud.core.UsageException;
import labcloud.cost.BudgetPlan;
import labcloud.cost.BudgetStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "budget", description = "AWS Budgets per project: alerts by e-mail at 50/80/100% of actual and 100% of "
        + "forecast spend; dry run unless --apply.",
        subcommands = {BudgetCommand.Set.class, BudgetCommand.ListBudgets.class, BudgetCommand.Remove.class})
public final class BudgetCommand extends BaseCommand {
    @Override
    protected int run() {
        throw new UsageException("budget needs a subcommand: set, list or remove (see 'labcloud budget --help')");
    }

    @Command(name = "set", description = "Create or replace the monthly budget of a project (filtered to its Project tag).")
    static final class Set extends BaseCommand {
        @Option(names = "--project", required = true, paramLabel = "P", description = "the Project tag value")
        String project;

        @Option(names = "--monthly", required = true, paramLabel = "USD", description = "the monthly limit in US dollars")
        double monthly;

        @Option(names = "--email", paramLabel = "ADDR", description = "where alerts go (default: the Email tag most used by the project's resources)")
        String email;

        @Option(names = "--regions", paramLabel = "all|r1,r2", converter = RegionsConverter.class, description = "regions to look for the project's Email tag (default all enabled)")
        String regions = "all";

        @Option(names = "--apply", description = "make the change (without it, only print the plan)")
        boolean apply;

        @Override
        protected int run() {
            BudgetChanges changes = account().budgets(new AuditLog(env()));
            List<String> regionList = email == null ? account().regions(regions) : List.of();
            BudgetPlan plan = changes.planSet(project, monthly, email, regionList);
            if (apply) changes.applySet(plan);
            Table t = new Table().left("ACTION").left("BUDGET").right("LIMIT").left("ALERTS TO").left("WAS");
            t.row(plan.action(), plan.name(), SpendTables.money(plan.limit()), plan.email(),
                    plan.previous() == null ? "-" : SpendTables.money(plan.previous().limit()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("apply", apply);
            json.put("status", apply ? "applied" : "planned");
            json.put("plan", plan);
            out().result(json, t);
            out().info("notifications: " + String.join(", ", plan.notifications()) + "; filter " + plan.filter());
            out().info(apply ? "budget " + plan.name() + " " + (plan.previous() == null ? "created" : "replaced") + "; recorded in "
                    + new AuditLog(env()).file() : "dry run: run again with --apply to " + plan.action() + " it");
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "Each budget with its actual and forecast spend, limit and % used.")
    static final class ListBudgets extends BaseCommand {
        @Override
        protected int run() {
            List<BudgetStatus> budgets = account().budgets(new AuditLog(env())).list();
            out().result(Map.of("budgets", budgets), SpendTables.budgets(budgets));
            if (budgets.isEmpty()) out().info("no budgets; create one: labcloud budget set --project P --monthly USD --apply");
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Delete a budget by name or by project: labcloud budget remove NAME|--project P [--apply]")
    static final class Remove extends BaseCommand {
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "the budget's name (see budget list)")
        String name;

        @Option(names = "--project", paramLabel = "P", description = "the project whose labcloud budget to remove")
        String project;

        @Option(names = "--apply", description = "delete it (without it, only print the plan)")
        boolean apply;

        @Override
        protected int run() {
            if ((name == null) == (project == null)) throw new UsageException("budget remove: give a budget NAME or --project P (one of them)");
            BudgetChanges changes = account().budgets(new AuditLog(env()));
            BudgetStatus b = changes.findForRemoval(name, project);
            if (apply) changes.applyRemove(b);
            Table t = new Table().left("ACTION").left("BUDGET").right("LIMIT").right("ACTUAL");
            t.row("remove", b.name(), SpendTables.money(b.limit()), SpendTables.money(b.actual()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("apply", apply);
            json.put("status", apply ? "applied" : "planned");
            json.put("budget", b);
            out().result(json, t);
            out().info(apply ? "budget " + b.name() + " removed; recorded in " + new AuditLog(env()).file()
                    : "dry run: run again with --apply to remove it");
            return ExitCode.OK;
        }
    }
}
