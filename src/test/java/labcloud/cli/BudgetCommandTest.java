package labcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import labcloud.core.Json;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.Notification;

/** `labcloud budget set|list|remove` against moto's AWS Budgets: dry runs, create with notifications, replace, remove, audit log. */
@ExtendWith(Moto.class)
class BudgetCommandTest {
    static final String ACCOUNT = "123456789012";

    private static void instance(TestLab lab, String project, String email) {
        lab.aws().ec2("us-east-1").runInstances(b -> b.imageId("ami-0a1b2c3d4e5f60718").instanceType("t3.micro").minCount(1).maxCount(1)
                .tagSpecifications(t -> t.resourceType("instance").tags(x -> x.key("Project").value(project), x -> x.key("Email").value(email))));
    }

    private static List<Budget> budgets(TestLab lab) {
        return lab.aws().budgets().describeBudgets(b -> b.accountId(ACCOUNT)).budgets();
    }

    private static List<Notification> notifications(TestLab lab, String name) {
        return lab.aws().budgets().describeNotificationsForBudget(b -> b.accountId(ACCOUNT).budgetName(name)).notifications();
    }

    @Test
    void setCreatesThenReplacesListsAndRemoves(TestLab lab) throws Exception {
        instance(lab, "genomics", "alice@lab.example.org");
        instance(lab, "genomics", "alice@lab.example.org");
        instance(lab, "genomics", "bob@lab.example.org");
        instance(lab, "vision", "bob@lab.example.org");

        // Dry run: the plan, with the Email tag most used by the project's resources; nothing created.
        CliResult plan = lab.run("--output", "json", "budget", "set", "--project", "genomics", "--monthly", "500", "--regions", "us-east-1");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        JsonNode p = Json.MAPPER.readTree(plan.stdout());
        assertThat(p.get("status").asText()).isEqualTo("planned");
        assertThat(p.at("/plan/action").asText()).isEqualTo("create");
        assertThat(p.at("/plan/email").asText()).isEqualTo("alice@lab.example.org");
        assertThat(p.at("/plan/name").asText()).isEqualTo("labcloud-project-genomics");
        assertThat(budgets(lab)).isEmpty();

        CliResult apply = lab.run("budget", "set", "--project", "genomics", "--monthly", "500", "--regions", "us-east-1", "--apply");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        Budget b = budgets(lab).get(0);
        assertThat(b.budgetName()).isEqualTo("labcloud-project-genomics");
        assertThat(b.budgetLimit().amount().doubleValue()).isEqualTo(500.0);
        assertThat(b.timeUnitAsString()).isEqualTo("MONTHLY");
        assertThat(b.costFilters()).containsEntry("TagKeyValue", List.of("user:Project$genomics"));
        assertThat(notifications(lab, b.budgetName())).extracting(n -> n.notificationTypeAsString() + ">" + n.threshold().intValue())
                .containsExactlyInAnyOrder("ACTUAL>50", "ACTUAL>80", "ACTUAL>100", "FORECASTED>100");

        // Set again: the budget is replaced (new limit, new address), with its four notifications, not eight.
        CliResult replace = lab.run("--output", "json", "budget", "set", "--project", "genomics", "--monthly", "650",
                "--email", "pi@lab.example.org", "--apply");
        assertThat(replace.exitCode()).as(replace.toString()).isZero();
        JsonNode r = Json.MAPPER.readTree(replace.stdout());
        assertThat(r.at("/plan/action").asText()).isEqualTo("replace");
        assertThat(r.at("/plan/previous/limit").asDouble()).isEqualTo(500.0);
        assertThat(budgets(lab)).singleElement().satisfies(x -> assertThat(x.budgetLimit().amount().doubleValue()).isEqualTo(650.0));
        assertThat(notifications(lab, "labcloud-project-genomics")).hasSize(4);

        CliResult list = lab.run("--output", "json", "budget", "list");
        JsonNode l = Json.MAPPER.readTree(list.stdout()).get("budgets");
        assertThat(l).hasSize(1);
        assertThat(l.get(0).get("project").asText()).isEqualTo("genomics");
        assertThat(l.get(0).get("limit").asDouble()).isEqualTo(650.0);
        assertThat(l.get(0).get("percentUsed").asDouble()).isZero();
        assertThat(l.get(0).get("notifications").toString()).contains("ACTUAL>50%", "FORECASTED>100%");
        assertThat(lab.run("budget", "list").stdout()).contains("labcloud-project-genomics", "$650.00");

        // Remove: a dry run changes nothing; --apply deletes it.
        assertThat(lab.run("budget", "remove", "--project", "genomics").exitCode()).isZero();
        assertThat(budgets(lab)).hasSize(1);
        CliResult removed = lab.run("budget", "remove", "labcloud-project-genomics", "--apply");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(budgets(lab)).isEmpty();

        // Every change is in the audit log, in order.
        List<String> log = Files.readAllLines(lab.home().resolve(".labcloud/audit.log"));
        assertThat(log.stream().map(line -> {
            try {
                return Json.MAPPER.readTree(line).get("action").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly("budget create", "budget replace", "budget remove");
        assertThat(log.get(1)).contains("pi@lab.example.org", "650");
    }

    @Test
    void badInputIsOneLineAndChangesNothing(TestLab lab) {
        instance(lab, "vision", "not-an-address");
        CliResult noEmail = lab.run("budget", "set", "--project", "vision", "--monthly", "100", "--regions", "us-east-1", "--apply");
        assertThat(noEmail.exitCode()).isEqualTo(2);
        assertThat(noEmail.stderr()).contains("no resource of project 'vision' carries an Email tag", "--email");
        assertThat(lab.run("budget", "set", "--project", "vision", "--monthly", "-5", "--email", "a@b.org", "--apply").exitCode()).isEqualTo(2);
        assertThat(lab.run("budget", "set", "--project", "vision", "--monthly", "5", "--email", "nobody", "--apply").exitCode()).isEqualTo(2);
        assertThat(lab.run("budget", "set", "--project", "a\u0007b", "--monthly", "5", "--email", "a@b.org", "--apply").exitCode()).isEqualTo(2);
        assertThat(lab.run("budget", "remove", "no-such-budget", "--apply").stderr()).contains("no budget named 'no-such-budget'");
        assertThat(lab.run("budget", "remove", "x", "--project", "y").exitCode()).isEqualTo(2);
        assertThat(lab.run("budget").exitCode()).isEqualTo(2);
        assertThat(budgets(lab)).isEmpty();
    }
}
