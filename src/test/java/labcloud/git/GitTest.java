package labcloud.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import labcloud.scan.GitRepo;
import org.junit.jupiter.api.Test;

class GitTest {
    @Test
    void aProcessThatGivesNoOutputIsStoppedAtItsDeadline() throws Exception {
        GitRepo repo = GitRepo.init().write("a.txt", "a\n");
        repo.commit("init", "Ada", "2024-01-01T10:00:00Z");
        Git git = Git.open(repo.dir()).orElseThrow();
        long t0 = System.nanoTime();
        // cat-file waits for object names that never come: a read of its output would wait forever.
        try (GitProcess p = git.start(Duration.ofDays(1), Duration.ofMillis(600), false, "cat-file", "--batch")) {
            assertThatThrownBy(() -> p.stdout().read()).isInstanceOf(IOException.class)
                    .hasMessage("git cat-file gave no output for 600 ms and was stopped");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void everyDriverTheConfigDefinesIsOverriddenEvenWithOddNames() {
        byte[] config = ("core.bare\nfalse\0filter.a=b.clean\n/tmp/x\0diff.Evil Driver.textconv\n/tmp/y\0"
                + "merge.m.driver\n/tmp/z\0credential.https://h.example.helper\n!x\0pager.log\n/tmp/p\0remote.origin.promisor\ntrue\0")
                .getBytes(StandardCharsets.UTF_8);
        List<String> got = Git.driverOverrides(config).stream().map(kv -> kv[0] + "=" + kv[1]).toList();
        assertThat(got).containsExactly("filter.a=b.clean=", "filter.a=b.smudge=", "filter.a=b.process=", "filter.a=b.required=false",
                "diff.Evil Driver.command=", "diff.Evil Driver.textconv=", "merge.m.driver=", "credential.https://h.example.helper=",
                "pager.log=false", "remote.origin.promisor=false");
    }
}
