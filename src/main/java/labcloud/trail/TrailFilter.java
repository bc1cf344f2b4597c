package labcloud.trail;

import java.time.Instant;

/**
 * Which events to keep. Null fields match anything; user and event names compare without case
 * (CloudTrail's own console does the same), resource ids exactly.
 */
public record TrailFilter(String user, String resourceId, String eventName, Instant from, Instant to) {
    public static TrailFilter between(Instant from, Instant to) {
        return new TrailFilter(null, null, null, from, to);
    }

    public boolean matchesTime(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
    }

    public boolean matches(TrailEvent e) {
        return matchesTime(e.time())
                && (user == null || user.equalsIgnoreCase(e.user()))
                && (eventName == null || eventName.equalsIgnoreCase(e.event()))
                && (resourceId == null || e.resources().contains(resourceId));
    }
}
