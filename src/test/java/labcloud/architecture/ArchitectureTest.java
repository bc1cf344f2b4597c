package labcloud.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, checked on the compiled classes: nothing uses a layer above it, no cycle
 * between modules or between packages, shells stay out of AWS.
 */
class ArchitectureTest {
    private static final PackageGraph MAIN = PackageGraph.of(Path.of("target", "classes"));

    @Test
    void theGraphIsRead() {
        assertThat(MAIN.moduleArrows()).containsKeys("labcloud.cli", "labcloud.web", "labcloud.app");
        assertThat(MAIN.moduleArrows().get("labcloud.cli")).contains("labcloud.app");
        assertThat(MAIN.packageArrows().get("labcloud.web.page")).contains("labcloud.web.view");
    }

    @Test
    void noModuleUsesALayerAboveIt() {
        assertThat(Layers.upwardArrows(MAIN)).isEmpty();
    }

    @Test
    void noModuleCycles() {
        assertThat(Layers.cycles(MAIN.moduleArrows())).isEmpty();
    }

    /** Inside a module too: a subpackage and its parent (or its siblings) never use each other. */
    @Test
    void noPackageCycles() {
        assertThat(Layers.cycles(MAIN.packageArrows())).isEmpty();
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
                   labcloud.advise.Advisor       -> labcloud.advise.tree.TreeWalk    classes
                   labcloud.advise.tree.TreeWalk -> labcloud.advise.profile.Profile  classes
                   labcloud.advise.profile.Profile -> labcloud.advise.Fact           classes
                """);
        assertThat(Layers.upwardArrows(bad)).containsExactlyInAnyOrder(
                "labcloud.store.Snapshots -> labcloud.inventory.Inventory (labcloud.store is below labcloud.inventory)",
                "labcloud.pricing.Pricer -> labcloud.inventory.Resource (labcloud.pricing is below labcloud.inventory)");
        assertThat(Layers.cycles(bad.moduleArrows())).containsExactlyInAnyOrder(
                "labcloud.inventory -> labcloud.pricing -> labcloud.inventory",
                "labcloud.inventory -> labcloud.store -> labcloud.inventory");
        // loops inside one module, which the module check cannot see
        assertThat(Layers.cycles(bad.packageArrows())).containsExactlyInAnyOrder(
                "labcloud.advise -> labcloud.advise.tree -> labcloud.advise.profile -> labcloud.advise",
                "labcloud.inventory -> labcloud.pricing -> labcloud.inventory",
                "labcloud.inventory -> labcloud.store -> labcloud.inventory",
                "labcloud.web -> labcloud.web.page -> labcloud.web");
        assertThat(Layers.shellsIntoAws(bad)).containsExactlyInAnyOrder("labcloud.web.Dashboard -> labcloud.aws.FanOut",
                "labcloud.cli.Base -> labcloud.aws.AwsContext");
    }
}
