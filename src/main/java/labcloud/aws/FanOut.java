package labcloud.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import labcloud.core.RegionError;
import labcloud.core.Workers;

/**
 * Runs one task per key (a region, or a region and a service) on a bounded pool of threads
 * ({@link Workers}). A failing task never aborts the others: it becomes a {@link RegionError}.
 */
public final class FanOut {
    /** A unit of work: the region it reads and the service, for error reports. */
    public record Job<T>(String region, String service, java.util.function.Supplier<T> work) {}

    public record Result<T>(List<T> values, List<RegionError> errors) {
        public boolean partial() {
            return !errors.isEmpty();
        }
    }

    private final int parallelism;

    public FanOut(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
    }

    public <T> Result<T> run(List<Job<T>> jobs) {
        Map<Job<T>, Future<T>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Workers.fixed("fan-out", Math.min(parallelism, Math.max(1, jobs.size())))) {
            for (Job<T> job : jobs) futures.put(job, pool.submit(() -> job.work().get()));
            List<T> values = new ArrayList<>();
            List<RegionError> errors = new ArrayList<>();
            for (var e : futures.entrySet()) {
                try {
                    values.add(e.getValue().get());
                } catch (ExecutionException ex) {
                    errors.add(AwsErrors.regionError(e.getKey().region(), e.getKey().service(), ex.getCause()));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    errors.add(new RegionError(e.getKey().region(), e.getKey().service(), "interrupted", false));
                }
            }
            return new Result<>(Collections.unmodifiableList(values), Collections.unmodifiableList(errors));
        }
    }

    /** Convenience: the same task for each region. */
    public <T> Result<T> perRegion(List<String> regions, String service, Function<String, T> task) {
        List<Job<T>> jobs = new ArrayList<>();
        for (String r : regions) jobs.add(new Job<>(r, service, () -> task.apply(r)));
        return run(jobs);
    }
}
