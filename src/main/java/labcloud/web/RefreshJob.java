package labcloud.web;

/** Collects inventory and audit results from AWS and saves them in the store (the scheduled refresh). */
@FunctionalInterface
public interface RefreshJob {
    void run() throws Exception;
}
