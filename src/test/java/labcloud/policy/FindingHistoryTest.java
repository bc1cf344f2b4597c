package labcloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import labcloud.policy.rules.Finding;
import labcloud.policy.rules.Severity;
import labcloud.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingHistoryTest {
    @TempDir
    Path dir;

    static Finding f(String rule, String id) {
        return new Finding(rule, Severity.MEDIUM, "ebs-volume", id, "us-east-1", "m", Map.of(), "dave", "tag", 4.0, null);
    }

    @Test
    void tellsNewFromPersistingAndForgetsResolvedOnes() {
        FindingHistory h = new FindingHistory(Store.open(dir.resolve("labcloud.db")));
        Instant t1 = Instant.parse("2026-11-20T10:00:00Z");
        Instant t2 = Instant.parse("2026-11-21T10:00:00Z");
        Instant t3 = Instant.parse("2026-11-22T10:00:00Z");
        Instant t4 = Instant.parse("2026-11-23T10:00:00Z");

        List<Finding> first = h.track("111", List.of(f("ebs-unattached", "vol-1"), f("ebs-unattached", "vol-2")), t1, true, true);
        assertThat(first).extracting(Finding::status).containsOnly("new");

        List<Finding> second = h.track("111", List.of(f("ebs-unattached", "vol-1"), f("eip-idle", "eipalloc-1")), t2, true, true);
        assertThat(second).extracting(Finding::resourceId, Finding::status, Finding::firstSeen).containsExactly(
                org.assertj.core.groups.Tuple.tuple("vol-1", "persisting", t1),
                org.assertj.core.groups.Tuple.tuple("eipalloc-1", "new", t2));
        assertThat(second.get(0).lastSeen()).isEqualTo(t2);

        // another account's history is separate
        assertThat(h.track("222", List.of(f("ebs-unattached", "vol-1")), t2, true, true).get(0).status()).isEqualTo("new");

        // vol-2 was resolved at t2; when it comes back it is new again
        assertThat(h.track("111", List.of(f("ebs-unattached", "vol-2")), t3, true, true).get(0).status()).isEqualTo("new");

        // a hypothetical (--as-of) run sees the history but does not change it
        assertThat(h.track("111", List.of(f("ebs-unattached", "vol-9")), t4, false, true).get(0).status()).isEqualTo("new");
        assertThat(h.track("111", List.of(f("ebs-unattached", "vol-2")), t4, true, true).get(0).firstSeen()).isEqualTo(t3);

        // an incomplete run does not resolve what it did not see
        h.track("111", List.of(), t4, true, false);
        assertThat(h.track("111", List.of(f("ebs-unattached", "vol-2")), t4, true, true).get(0).status()).isEqualTo("persisting");
    }
}
