package labcloud.core;

/** How capabilities report progress on long work without printing anything themselves. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void update(String status) {}

        @Override
        public void done() {}
    };

    /** A short status such as "12/30 regions" or "1.2 GB of 4.0 GB, 85 MB/s, ETA 35s". */
    void update(String status);

    /** The work finished; clear the progress line. */
    void done();
}
