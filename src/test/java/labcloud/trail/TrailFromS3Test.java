package labcloud.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import labcloud.core.Json;
import labcloud.demo.DemoAccount;
import labcloud.demo.DemoManifest;
import labcloud.demo.TrailLogWriter;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** `labcloud trail` and owner attribution over real-format log files in the demo's trail bucket (moto). */
@ExtendWith(Moto.class)
class TrailFromS3Test {

    @Test
    void filtersTheDemoTrailByUserEventAndResource(TestLab lab) throws Exception {
        DemoManifest m = DemoAccount.seed(lab.aws());

        CliResult byUser = lab.run("trail", "--user", "frank", "--output", "json");
        assertThat(byUser.exitCode()).as(byUser.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(byUser.stdout());
        assertThat(doc.get("source").asText()).isEqualTo("s3");
        assertThat(doc.get("events")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("user").asText()).isEqualTo("frank");
            assertThat(e.get("identityType").asText()).isEqualTo("AssumedRole");
        });
        // every resource frank created (except root volumes, listed under their instance) is named
        Set<String> named = new HashSet<>();
        doc.get("events").forEach(e -> e.get("resources").forEach(r -> named.add(r.asText())));
        Set<String> franks = m.resources().stream().filter(r -> r.createdBy().equals("frank")).map(DemoManifest.Seeded::id)
                .collect(Collectors.toSet());
        assertThat(named).containsAll(franks);

        CliResult runs = lab.run("trail", "--event", "runinstances", "--output", "json");
        JsonNode runDoc = Json.MAPPER.readTree(runs.stdout());
        assertThat(runDoc.get("events")).hasSize(m.ofType("ec2-instance").size())
                .allSatisfy(e -> assertThat(e.get("event").asText()).isEqualTo("RunInstances"));
        Set<String> regions = new HashSet<>();
        runDoc.get("events").forEach(e -> regions.add(e.get("region").asText()));
        assertThat(regions).containsExactlyInAnyOrderElementsOf(DemoAccount.REGIONS);

        String vol = m.byName("scratch-500g").id();
        CliResult one = lab.run("trail", "--resource", vol);
        assertThat(one.exitCode()).isZero();
        assertThat(one.stdout()).contains("CreateVolume").contains("dave").contains(vol);
        assertThat(one.stdout().lines().filter(l -> l.contains(vol)).count()).isEqualTo(1);
        // an access key id never appears in full in trail output
        assertThat(byUser.stdout() + runs.stdout()).doesNotContainPattern("AKIA[A-Z2-7]{16}");
    }

    @Test
    void attributesEveryDemoResourceToItsCreator(TestLab lab) {
        DemoManifest m = DemoAccount.seed(lab.aws());
        TrailResult all = new TrailService(lab.aws()).events(TrailFilter.between(null, null), DemoAccount.REGIONS,
                TrailService.Source.AUTO);
        assertThat(all.errors()).isEmpty();
        OwnerAttribution owners = OwnerAttribution.fromEvents(all.events());
        for (DemoManifest.Seeded r : m.resources()) {
            if (r.type().equals("iam-user")) continue;
            Creator c = owners.creatorOf(r.id());
            assertThat(c).as(r.type() + " " + r.id()).isNotNull();
            assertThat(c.user()).as(r.type() + " " + r.id()).isEqualTo(r.createdBy());
        }
    }

    @Test
    void readsOnlyTheDayFoldersOfTheWindow(TestLab lab) {
        var s3 = lab.aws().s3("us-east-1");
        s3.createBucket(b -> b.bucket("old-logs"));
        lab.aws().cloudTrail("us-east-1").createTrail(b -> b.name("window-trail").s3BucketName("old-logs").isMultiRegionTrail(true));
        TrailLogWriter w = new TrailLogWriter(DemoAccount.ACCOUNT);
        var who = TrailLogWriter.Identity.user(DemoAccount.ACCOUNT, "alice", "AIDAFAKE", null);
        Instant now = Instant.now();
        w.event(who, now.minus(Duration.ofDays(40)), "us-east-1", "ec2.amazonaws.com", "CreateVolume", null,
                Map.of("volumeId", "vol-0old"));
        w.event(who, now.minus(Duration.ofDays(2)), "us-west-2", "ec2.amazonaws.com", "CreateVolume", null,
                Map.of("volumeId", "vol-0new"));
        w.writeTo(s3, "old-logs");
        TrailService svc = new TrailService(lab.aws());
        List<String> regions = List.of("us-east-1", "us-west-2");

        TrailResult week = svc.events(TrailFilter.between(now.minus(Duration.ofDays(7)), now), regions, TrailService.Source.S3);
        assertThat(week.events()).extracting(e -> e.resources().get(0)).containsExactly("vol-0new");
        assertThat(week.files()).as("the 40-day-old file is not even fetched").isEqualTo(1);

        TrailResult quarter = svc.events(TrailFilter.between(now.minus(Duration.ofDays(90)), now), regions, TrailService.Source.S3);
        assertThat(quarter.events()).extracting(e -> e.resources().get(0)).containsExactly("vol-0old", "vol-0new");

        TrailResult westOnly = svc.events(TrailFilter.between(null, null), List.of("us-west-2"), TrailService.Source.S3);
        assertThat(westOnly.events()).extracting(TrailEvent::region).containsExactly("us-west-2");
    }

    @Test
    void badTimeArgumentsAreUsageErrors(TestLab lab) {
        CliResult r = lab.run("trail", "--since", "a week");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).contains("--since 'a week'").doesNotContain("\n");
        assertThat(lab.run("trail", "--from", "2026-13-01").exitCode()).isEqualTo(2);
        assertThat(lab.run("trail", "--since", "7d", "--from", "2026-11-01").exitCode()).isEqualTo(2);
    }
}
