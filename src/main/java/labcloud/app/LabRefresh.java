package labcloud.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import labcloud.core.ExitCode;
import labcloud.core.LabcloudException;
import labcloud.core.RegionError;
import labcloud.inventory.Inventory;
import labcloud.inventory.InventoryOptions;
import labcloud.inventory.InventoryService;
import labcloud.inventory.ResourceTypes;
import labcloud.policy.AuditReport;
import labcloud.trail.TrailEvent;
import labcloud.trail.TrailFilter;
import labcloud.trail.TrailResult;
import labcloud.trail.TrailService;

/**
 * One refresh of everything the lab's pages show: collect (priced), audit with the lab's policy,
 * read the last week of CloudTrail, save the snapshot. The dashboard runs it on a schedule; a
 * scheduler or another shell would run the same.
 */
public final class LabRefresh {
    /** How far back the activity read goes. */
    public static final Duration ACTIVITY_WINDOW = Duration.ofDays(7);

    private LabRefresh() {}

    /** Where the refresh hands the trail's events before the snapshot is saved (the dashboard keeps them for its Activity page). */
    @FunctionalInterface
    public interface ActivitySink {
        void replace(String account, List<TrailEvent> events) throws Exception;
    }

    public record Result(InventoryRun.Saved snapshot, AuditReport audit, TrailResult trail) {}

    /** Fails, saving nothing, when nothing at all could be read (so the last good data stays on screen). */
    public static Result run(Lab lab, ActivitySink activity) throws Exception {
        List<String> regions = lab.resolvedRegions();
        Inventory inv = InventoryService.collect(lab.aws(),
                new InventoryOptions(regions, ResourceTypes.ALL, lab.deepBucketSizes(), Instant.now()));
        if (inv.resources().isEmpty() && !inv.errors().isEmpty()) {
            RegionError first = inv.errors().get(0);
            throw new LabcloudException(ExitCode.FAILED, "inventory failed in every region and service ("
                    + first.region() + " " + first.service() + ": " + first.message() + ")");
        }
        AuditReport audit = LabAudit.audit(lab, inv, regions, Instant.now(), false);
        Instant now = Instant.now();
        TrailResult trail = new TrailService(lab.aws()).events(TrailFilter.between(now.minus(ACTIVITY_WINDOW), now), regions,
                TrailService.Source.AUTO);
        // A trail read that failed everywhere keeps the activity already shown
        if (!trail.events().isEmpty() || !trail.partial()) activity.replace(inv.account(), trail.events());
        return new Result(InventoryRun.save(lab.store(), inv, ResourceTypes.ALL), audit, trail);
    }
}
