package labcloud.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import labcloud.core.Json;
import labcloud.store.Store;
import labcloud.testing.CliResult;
import labcloud.testing.Moto;
import labcloud.testing.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Moto.class)
class SnapshotStoreTest {
    @Test
    void aSavedRunReadsBackAsItWas(TestLab lab) throws Exception {
        var ec2 = lab.aws().ec2("us-east-1");
        ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.medium").minCount(2).maxCount(2));
        ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(50).volumeType("gp3"));
        lab.aws().iam().createUser(b -> b.userName("ann"));
        lab.aws().iam().createAccessKey(b -> b.userName("ann"));
        Inventory inv = InventoryService.collect(lab.aws(), InventoryOptions.all(List.of("us-east-1")));
        SnapshotStore store = new SnapshotStore(Store.open(lab.environment()));
        long first = store.save(inv, ResourceTypes.ALL);
        long second = store.save(inv, Set.of("ec2-instance"));
        JsonNode loaded = Json.MAPPER.valueToTree(store.load(first));
        JsonNode original = Json.MAPPER.readTree(Json.pretty(inv));
        assertThat(loaded).isEqualTo(original);
        assertThat(store.latest().orElseThrow().id()).isEqualTo(second);
        assertThat(store.previous(second).orElseThrow().id()).isEqualTo(first);
        assertThat(store.previous(first)).isEmpty();
        long third = store.save(inv, ResourceTypes.ALL);
        assertThat(store.previous(third).orElseThrow().id()).isEqualTo(second);
        assertThat(store.previousCovering(third).orElseThrow().id()).as("the run that read every type").isEqualTo(first);
        var listed = store.list(10);
        assertThat(listed).extracting(SnapshotStore.Snapshot::id).containsExactly(third, second, first);
        assertThat(listed.get(2).resourceCount()).isEqualTo(inv.resources().size());
        assertThat(listed.get(2).types()).isEqualTo(ResourceTypes.ALL);
        assertThat(listed.get(2).monthlyCost()).isEqualTo(inv.knownMonthlyCost());
        assertThat(store.asOf(inv.generatedAt().minusSeconds(1))).isEmpty();
    }

    @Test
    void changesShowWhatAppearedChangedAndDisappeared(TestLab lab) throws Exception {
        var ec2 = lab.aws().ec2("us-east-1");
        String keep = ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.medium").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        String eip = ec2.allocateAddress(b -> b.domain("vpc")).allocationId();
        String[] base = {"inventory", "--regions", "us-east-1", "--types", "ec2-instance,ebs-volume,elastic-ip", "--output", "json"};

        CliResult first = lab.run(withChanges(base));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stderr()).contains("baseline");
        CliResult same = lab.run(withChanges(base));
        JsonNode none = Json.MAPPER.readTree(same.stdout());
        assertThat(none.path("appeared")).isEmpty();
        assertThat(none.path("changed")).isEmpty();
        assertThat(none.path("disappeared")).isEmpty();

        ec2.stopInstances(b -> b.instanceIds(keep));
        ec2.createTags(b -> b.resources(keep).tags(t -> t.key("Owner").value("ann")));
        String vol = ec2.createVolume(b -> b.availabilityZone("us-east-1a").size(100).volumeType("gp3")).volumeId();
        ec2.releaseAddress(b -> b.allocationId(eip));
        // a narrower run in between must not make volumes look deleted
        assertThat(lab.run("inventory", "--regions", "us-east-1", "--types", "ec2-instance").exitCode()).isZero();

        CliResult r = lab.run(withChanges(base));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.stdout());
        assertThat(ids(doc.path("appeared"))).containsExactly(vol);
        assertThat(ids(doc.path("disappeared"))).containsExactly(eip);
        assertThat(doc.path("changed")).hasSize(1);
        JsonNode change = doc.path("changed").get(0);
        assertThat(change.path("resource").path("id").asText()).isEqualTo(keep);
        assertThat(change.path("fields").path("state")).hasToString("[\"running\",\"stopped\"]");
        assertThat(change.path("fields").path("tags.Owner")).hasToString("[null,\"ann\"]");
        assertThat(change.path("fields").path("monthlyCost").get(0).asDouble()).isEqualTo(30.368);
        assertThat(change.path("fields").has("details.uptimeHours")).isFalse();

        CliResult table = lab.run("inventory", "--regions", "us-east-1", "--types", "ec2-instance,ebs-volume,elastic-ip", "--changes");
        assertThat(table.stdout()).contains("0 appeared", "0 changed", "0 gone");
    }

    private static String[] withChanges(String[] base) {
        List<String> l = new ArrayList<>(List.of(base));
        l.add("--changes");
        return l.toArray(String[]::new);
    }

    private static List<String> ids(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
