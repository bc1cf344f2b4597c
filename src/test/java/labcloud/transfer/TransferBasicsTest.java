package labcloud.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import labcloud.core.Environment;
import labcloud.core.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL parsing, filters, key order, part sizes and the remotes file: the pieces with no server. */
class TransferBasicsTest {
    @Test
    void urlsAreLocalS3OrRemote() {
        TransferUrl s3 = TransferUrl.parse("s3://my-bucket/some/prefix/");
        assertThat(s3.bucket()).isEqualTo("my-bucket");
        assertThat(s3.key()).isEqualTo("some/prefix/");
        assertThat(s3.remote()).isNull();
        TransferUrl remote = TransferUrl.parse("ceph:data/x");
        assertThat(remote.remote()).isEqualTo("ceph");
        assertThat(remote.bucket()).isEqualTo("data");
        assertThat(TransferUrl.parse("./weird:name").isLocal()).isTrue();
        assertThat(TransferUrl.parse("/abs/path").isLocal()).isTrue();
        assertThatThrownBy(() -> TransferUrl.parse("s3://x/")).isInstanceOf(UsageException.class).hasMessageContaining("bucket name");
        assertThatThrownBy(() -> TransferUrl.parse("gs://bucket/x")).hasMessageContaining("unsupported URL scheme");
    }

    @Test
    void filtersLastMatchWinsAndIncludeOnlyMeansOnly() {
        Filters f = Filters.none().exclude("*.log").include("keep.log");
        assertThat(f.accepts("a/b.txt")).isTrue();
        assertThat(f.accepts("a/b.log")).isFalse();
        assertThat(f.accepts("keep.log")).isTrue();
        Filters only = Filters.none().include("*.csv");
        assertThat(only.accepts("x/data.csv")).isTrue();
        assertThat(only.accepts("x/data.txt")).isFalse();
        assertThatThrownBy(() -> Filters.none().include("a[")).isInstanceOf(UsageException.class).hasMessageContaining("--include");
    }

    @Test
    void localWalkFollowsS3KeyOrder(@TempDir Path dir) throws Exception {
        for (String p : List.of("a/x", "a.txt", "a-b", "b", "a/y/z", "é", "Z")) {
            Path f = dir.resolve(p);
            Files.createDirectories(f.getParent());
            Files.writeString(f, p);
        }
        Files.writeString(dir.resolve("b" + LocalTree.PARTIAL_SUFFIX), "in progress");
        List<String> keys = new ArrayList<>();
        LocalTree.walk(dir).forEachRemaining(e -> keys.add(e.key()));
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(KeyOrder.COMPARATOR);
        assertThat(keys).isEqualTo(sorted).containsExactly("Z", "a-b", "a.txt", "a/x", "a/y/z", "b", "é");
    }

    @Test
    void localWalkGivesEachFilesSizeAndModificationTimeAndSkipsEmptyFolders(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("proj/sub-3fa9/ses-baseline/anat/scan.nii.gz");
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[1234]);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2024-02-03T04:05:06.123456789Z")));
        Files.createDirectories(dir.resolve("proj/empty/deeper"));
        List<ObjectEntry> all = new ArrayList<>();
        LocalTree.walk(dir).forEachRemaining(all::add);
        assertThat(all).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("proj/sub-3fa9/ses-baseline/anat/scan.nii.gz");
            assertThat(e.size()).isEqualTo(1234);
            assertThat(e.modified()).isEqualTo(Files.getLastModifiedTime(f).toInstant());
        });
    }

    @Test
    void walksOfOneTreeAtTheSameTimeShareWhatTheyReadAndALaterWalkReadsAfresh(@TempDir Path dir) throws Exception {
        for (String p : List.of("a/x", "a/y", "b")) {
            Files.createDirectories(dir.resolve(p).getParent());
            Files.writeString(dir.resolve(p), p);
        }
        var ahead = LocalTree.walk(dir);
        var behind = LocalTree.walk(dir);
        assertThat(ahead.next().key()).isEqualTo("a/x");
        assertThat(behind.next().key()).isEqualTo("a/x");
        Files.writeString(dir.resolve("a/z"), "added while both walks are in a/");
        List<String> rest = new ArrayList<>(), all = new ArrayList<>(), later = new ArrayList<>();
        ahead.forEachRemaining(e -> rest.add(e.key()));
        behind.forEachRemaining(e -> all.add(e.key()));
        assertThat(rest).containsExactly("a/y", "b");
        assertThat(all).containsExactly("a/y", "b"); // the listing of a/ the first walk read
        LocalTree.walk(dir).forEachRemaining(e -> later.add(e.key()));
        assertThat(later).containsExactly("a/x", "a/y", "a/z", "b");
    }

    @Test
    void partSizeStaysUnderTenThousandParts() {
        PartSizer p = PartSizer.defaults();
        assertThat(p.partSize(100 * PartSizer.MIB)).isEqualTo(8 * PartSizer.MIB);
        assertThat(p.multipart(8 * PartSizer.MIB)).isFalse();
        long fiveTb = 5L * 1024 * 1024 * PartSizer.MIB;
        assertThat(p.parts(fiveTb)).isLessThan(10_000);
        assertThat(p.partSize(fiveTb) % PartSizer.MIB).isZero();
    }

    @Test
    void remotesRoundTripAndBadFilesNameTheField(@TempDir Path home) throws Exception {
        Environment env = Environment.of(java.util.Map.of("HOME", home.toString()));
        Remotes r = new Remotes(env);
        r.add(new Remote("ceph", java.net.URI.create("https://s3.example.org"), "lab", null, true, true));
        assertThat(r.find("ceph")).get().extracting(Remote::compat, Remote::profile).containsExactly(true, "lab");
        assertThatThrownBy(() -> r.add(new Remote("s3", java.net.URI.create("http://x"), null, null, false, false)))
                .hasMessageContaining("invalid remote name");
        Files.writeString(r.file(), "broken:\n  profile: x\n");
        assertThatThrownBy(r::all).isInstanceOf(UsageException.class).hasMessageContaining("'broken'").hasMessageContaining("endpoint");
    }
}
