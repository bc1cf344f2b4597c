package labcloud.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md, checked on the compiled classes: nothing uses a layer above it, no module cycle, shells stay out of AWS. */
class ArchitectureTest {
    private static final PackageGraph MAIN = PackageGraph.of(Path.of("target", "classes"));

    @Test
    void theGraphIsRead() {
        assertThat(MAIN.moduleArrows()).containsKeys("labcloud.cli", "labcloud.web", "labcloud.app");
        assertThat(MAIN.moduleArrows().get("labcloud.cli")).contains("labcloud.app");
    }

    @Test
    void noModuleUsesALayerAboveIt() {
        assertThat(Layers.upwardArrows(MAIN)).isEmpty();
    }

    @Test
    void noModuleCycles() {
        assertThat(Layers.cycles(MAIN)).isEmpty();
    }

    /** cli and web name nothing in labcloud.aws, not even the connection or its error record. */
    @Test
    void theShellsReachAwsOnlyThroughApp() {
        assertThat(Layers.shellsIntoAws(MAIN)).isEmpty();
    }

    /** The checks themselves: a made-up graph with each kind of mistake is caught. */
    @Test
    void theChecksCatchEachMistake() {
        PackageGraph bad = PackageGraph.parse("""
                classes -> target/classes
                   labcloud.store.Snapshots      -> labcloud.inventory.Inventory     classes
                   labcloud.inventory.Collector  -> labcloud.store.Store             classes
                   labcloud.pricing.Pricer       -> labcloud.inventory.Resource      classes
                   labcloud.inventory.Service    -> labcloud.pricing.Catalog         classes
                   labcloud.web.Dashboard        -> labcloud.aws.FanOut              classes
                   labcloud.cli.Base             -> labcloud.aws.AwsContext          classes
                   labcloud.web.page.Page        -> labcloud.web.Html                classes
                   labcloud.web.Html             -> labcloud.web.page.Page           classes
                """);
        assertThat(Layers.upwardArrows(bad)).containsExactlyInAnyOrder(
                "labcloud.store.Snapshots -> labcloud.inventory.Inventory (labcloud.store is below labcloud.inventory)",
                "labcloud.pricing.Pricer -> labcloud.inventory.Resource (labcloud.pricing is below labcloud.inventory)");
        assertThat(Layers.cycles(bad)).hasSize(2).allMatch(c -> c.contains("labcloud.inventory"));
        assertThat(Layers.shellsIntoAws(bad)).containsExactlyInAnyOrder("labcloud.web.Dashboard -> labcloud.aws.FanOut",
                "labcloud.cli.Base -> labcloud.aws.AwsContext");
    }
}
