package labcloud.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One reading of sizes for price, cp/sync and inventory: a GB is 2^30 bytes, as AWS bills it. */
class SizesTest {
    private static final long GB = 1L << 30;

    @Test
    void gbIsTwoToTheThirtyAsAwsBillsIt() {
        assertThat(Sizes.parse("--x", "500GB")).isEqualTo(500 * GB);
        assertThat(Sizes.parse("--x", "100GB")).isEqualTo(Sizes.parse("--x", "100GiB")).isEqualTo(Sizes.parse("--x", "100G"))
                .isEqualTo(100 * GB);
        assertThat(Sizes.parse("--x", "500 GiB")).isEqualTo(500 * GB);
        assertThat(Sizes.parse("--x", "2TiB")).isEqualTo(2048 * GB);
        assertThat(Sizes.parse("--x", "1.5TB")).isEqualTo(1536 * GB);
        assertThat(Sizes.parse("--x", "1.5t")).isEqualTo(1536 * GB);
        assertThat(Sizes.parse("--x", "750mb")).isEqualTo(750L << 20);
        assertThat(Sizes.parse("--x", "8M")).isEqualTo(8L << 20);
        assertThat(Sizes.parse("--x", "16KiB")).isEqualTo(16 * 1024);
        assertThat(Sizes.parse("--x", "5kb")).isEqualTo(5 * 1024);
        assertThat(Sizes.parse("--x", "0")).isZero();
        assertThat(Sizes.parse("--x", "1048576")).isEqualTo(1048576);
        assertThat(Sizes.parse("--x", "512B")).isEqualTo(512);
        assertThat(Sizes.parse("--x", " 2 gib ")).isEqualTo(2 * GB);
    }

    @Test
    void badSizesAreUsageErrorsNamingTheOption() {
        for (String bad : List.of("", " ", "12XB", "-5GB", "GB", "lots", "1.2.3GB", "5 i", "5GBB", "1e9")) {
            assertThatThrownBy(() -> Sizes.parse("--egress-threshold", bad)).as(bad).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--egress-threshold: ");
        }
        assertThatThrownBy(() -> Sizes.parse("--part-size", "12XB"))
                .hasMessage("--part-size: invalid size '12XB' (e.g. 500GB, 2TiB, 1.5TB, 64MiB or a byte count; a GB is 2^30 bytes)");
        assertThatThrownBy(() -> Sizes.parse("SIZE", null)).isInstanceOf(UsageException.class).hasMessageContaining("missing size");
        assertThatThrownBy(() -> Sizes.parse("SIZE", "9000PB")).isInstanceOf(UsageException.class).hasMessageContaining("too large");
        assertThat(new UsageException("x").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void formatsInBinaryUnitsWithOneDecimalAtMost() {
        assertThat(Sizes.format(0)).isEqualTo("0 B");
        assertThat(Sizes.format(512)).isEqualTo("512 B");
        assertThat(Sizes.format(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.format(9000)).isEqualTo("8.8 KiB");
        assertThat(Sizes.format(500 * GB)).isEqualTo("500 GiB");
        assertThat(Sizes.format(3 * GB / 2)).isEqualTo("1.5 GiB");
        assertThat(Sizes.format(2048 * GB)).isEqualTo("2 TiB");
        assertThat(Sizes.format((1L << 20) - 1)).isEqualTo("1 MiB"); // not "1024 KiB"
        assertThat(Sizes.format(Long.MAX_VALUE)).isEqualTo("8 EiB");
        assertThat(Sizes.format(Sizes.parse("--x", "1.5TB"))).isEqualTo("1.5 TiB");
    }
}
