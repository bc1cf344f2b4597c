package labcloud.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import labcloud.cost.CostRecords.UsageLine;
import labcloud.inventory.Resource;
import labcloud.trail.TrailEvent;
import org.junit.jupiter.api.Test;

/** The reconciliation's arithmetic and its reading of bill lines, on values built by hand. */
class ReconcilerTest {
    static final CostPeriod DEC_10 = new CostPeriod(LocalDate.of(2026, 12, 10), 3); // 10 of 31 days

    static Resource res(String type, String id, String region, String state, Double cost, Map<String, String> tags) {
        return new Resource(type, id, region, id, state, null, tags, cost, Map.of());
    }

    static TrailEvent event(String user, String name, String region, String time) {
        return new TrailEvent(Instant.parse(time), region, user, "IAMUser", "arn", name, "x.amazonaws.com", List.of(), null, null, "e",
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode());
    }

    @Test
    void estimatesActualsAndForecastSideBySide() {
        List<Resource> inv = List.of(
                res(Resource.EC2_INSTANCE, "i-1", "us-east-1", "running", 310.0, Map.of("Project", "genomics", "Owner", "alice")),
                res(Resource.EBS_VOLUME, "vol-1", "us-east-1", "in-use", 31.0, Map.of()),
                res(Resource.IAM_USER, "alice", "global", null, 0.0, Map.of("Project", "genomics")),
                res(Resource.S3_BUCKET, "b", "us-east-1", "available", null, Map.of("Project", "vision")));
        Reconciliation r = Reconciler.build(DEC_10, inv, Map.of("genomics", 150.0, "(untagged)", 50.0),
                Map.of("alice", 150.0, "(untagged)", 50.0), 600.0, List.of(), List.of());
        Reconciliation.Row g = r.byProject().get(0);
        assertThat(g.value()).isEqualTo("genomics");
        assertThat(g.estimate()).isEqualTo(310.0);
        assertThat(g.estimateToDate()).isEqualTo(100.0); // 10/31 of the month
        assertThat(g.actual()).isEqualTo(150.0);
        assertThat(g.forecast()).isEqualTo(450.0); // 3/4 of the month's forecast: its share of the spend
        Reconciliation.Row untagged = r.byProject().get(1);
        assertThat(untagged.value()).isEqualTo("(untagged)");
        assertThat(untagged.estimate()).isEqualTo(31.0);
        // An unpriced resource's project shows with no estimate rather than a made-up zero.
        assertThat(r.byProject()).noneMatch(x -> x.value().equals("vision"));
        assertThat(r.totals().estimate()).isEqualTo(341.0);
        assertThat(r.totals().actual()).isEqualTo(200.0);
        assertThat(r.totals().forecast()).isEqualTo(600.0);
    }

    @Test
    void unexplainedLinesAreWhatNoInventoriedResourceAccountsFor() {
        List<Resource> inv = List.of(
                res(Resource.EC2_INSTANCE, "i-1", "us-east-1", "running", 30.0, Map.of()),
                res(Resource.S3_BUCKET, "small", "us-east-1", "available", 1.0, Map.of("Owner", "bob")),
                new Resource(Resource.S3_BUCKET, "datasets", "us-east-1", "datasets", "available", null, Map.of("Owner", "alice"), 5.0,
                        Map.of("sizeBytes", 5e12)));
        List<UsageLine> lines = List.of(
                new UsageLine("Amazon Elastic Compute Cloud - Compute", "USE1-BoxUsage:t3.medium", 9.0), // explained
                new UsageLine("Amazon Elastic Compute Cloud - Compute", "USW2-BoxUsage:p3.2xlarge", 70.0), // no instance there
                new UsageLine("Amazon Simple Storage Service", "USE1-DataTransfer-Out-Bytes", 48.2),
                new UsageLine("Amazon SageMaker", "USE1-Notebk:ml.t3.xlarge", 31.5),
                new UsageLine("EC2 - Other", "USW2-NatGateway-Hours", 7.0),
                new UsageLine("AWS Key Management Service", "USE1-KMS-Requests", 0.004)); // noise
        List<TrailEvent> events = List.of(event("frank", "CreateNotebookInstance", "us-east-1", "2026-12-02T09:00:00Z"),
                event("erin", "CreateNotebookInstance", "eu-west-1", "2026-12-03T09:00:00Z"),
                event("bob", "CreateNatGateway", "us-west-2", "2026-11-20T14:00:00Z"),
                event("dave", "RunInstances", "us-west-2", "2026-12-01T08:00:00Z"));
        List<Reconciliation.Unexplained> u = Reconciler.unexplained(inv, lines, events);
        assertThat(u).extracting(Reconciliation.Unexplained::usageType).containsExactly("USW2-BoxUsage:p3.2xlarge",
                "USE1-DataTransfer-Out-Bytes", "USE1-Notebk:ml.t3.xlarge", "USW2-NatGateway-Hours");
        assertThat(u.get(0).reason()).contains("no ec2-instance in us-west-2");
        assertThat(u.get(0).startedBy()).containsExactly("dave (RunInstances 2026-12-01)");
        assertThat(u.get(1).startedBy().get(0)).isEqualTo("likely datasets (Owner alice)"); // the biggest bucket in the region first
        assertThat(u.get(2).startedBy()).containsExactly("frank (CreateNotebookInstance 2026-12-02)"); // not erin: another region
        assertThat(u.get(3).region()).isEqualTo("us-west-2");
        assertThat(u.get(3).reason()).contains("NAT gateway");
    }

    @Test
    void usageTypesMapToRegionsAndResourceTypes() {
        assertThat(UsageCategory.region("EU-BoxUsage:r5.large")).isEqualTo("eu-west-1");
        assertThat(UsageCategory.region("APN1-BoxUsage:c6i.xlarge")).isEqualTo("ap-northeast-1");
        assertThat(UsageCategory.region("BoxUsage:t3.micro")).isEqualTo("us-east-1");
        assertThat(UsageCategory.region("Tax")).isEqualTo("global");
        assertThat(UsageCategory.resourceType("EC2 - Other", "USE1-EBS:VolumeUsage.gp3")).isEqualTo(Resource.EBS_VOLUME);
        assertThat(UsageCategory.resourceType("EC2 - Other", "USE1-EBS:SnapshotUsage")).isEqualTo(Resource.EBS_SNAPSHOT);
        assertThat(UsageCategory.resourceType("Amazon Virtual Private Cloud", "USE1-PublicIPv4:IdleAddress")).isEqualTo(Resource.ELASTIC_IP);
        assertThat(UsageCategory.resourceType("Amazon Simple Storage Service", "USW2-TimedStorage-ByteHrs")).isEqualTo(Resource.S3_BUCKET);
        assertThat(UsageCategory.resourceType("Amazon Simple Storage Service", "USW2-DataTransfer-Out-Bytes")).isNull();
        assertThat(UsageCategory.resourceType("EC2 - Other", "USW2-NatGateway-Bytes")).isNull();
        assertThat(UsageCategory.resourceType("Amazon SageMaker", "USE1-Notebk:ml.t3.xlarge")).isNull();
    }

    @Test
    void tagGroupKeysShowUntaggedExplicitly() {
        assertThat(CostDimension.PROJECT.groupValue("Project$genomics")).isEqualTo("genomics");
        assertThat(CostDimension.PROJECT.groupValue("Project$")).isEqualTo("(untagged)");
        assertThat(CostDimension.OWNER.groupValue("Owner$ ")).isEqualTo("(untagged)");
        assertThat(CostDimension.SERVICE.groupValue("Amazon SageMaker")).isEqualTo("Amazon SageMaker");
        assertThat(CostDimension.parse("Region")).isEqualTo(CostDimension.REGION);
    }
}
