package labcloud.trail;

import java.util.List;
import labcloud.core.RegionError;

/**
 * Events found, oldest first, and what could not be read.
 *
 * @param source "s3" (the trail's log files) or "lookup-events" (the CloudTrail API)
 * @param files  log files read (s3) or API pages fetched (lookup-events)
 */
public record TrailResult(String source, List<TrailEvent> events, List<RegionError> errors, int files) {
    public boolean partial() {
        return !errors.isEmpty();
    }
}
