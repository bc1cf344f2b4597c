package labcloud.trail;

import java.time.Instant;
import java.util.Set;

/**
 * Which events to keep. Null fields match anything; user and event names compare without case
 * (CloudTrail's own console does the same), resource ids exactly.
 */
public record TrailFilter(String user, String resourceId, Set<String> eventNames, Instant from, Instant to) {
    public TrailFilter(String user, String resourceId, String eventName, Instant from, Instant to) {
        this(user, resourceId, eventName == null ? null : Set.of(eventName), from, to);
    }

    public static TrailFilter between(Instant from, Instant to) {
        return new TrailFilter(null, null, (Set<String>) null, from, to);
    }

    public boolean matchesTime(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
    }

    public boolean matches(TrailEvent e) {
        return matchesTime(e.time())
                && (user == null || user.equalsIgnoreCase(e.user()))
                && (eventNames == null || eventNames.stream().anyMatch(n -> n.equalsIgnoreCase(e.event())))
                && (resourceId == null || e.resources().contains(resourceId));
    }
}
