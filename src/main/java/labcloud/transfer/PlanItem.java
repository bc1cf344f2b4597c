package labcloud.transfer;

/** One step of a transfer plan, produced lazily while the listings are merged. */
public sealed interface PlanItem {
    String key();

    /** The destination is missing or known to differ: copy. */
    record Copy(ObjectEntry source, Ref from, Ref to, String reason) implements PlanItem {
        @Override
        public String key() {
            return source.key();
        }
    }

    /**
     * Same size on both sides: copy only if the checksums differ.
     *
     * @param cached what an earlier read of the local side gave (null if none); used only if the file is unchanged since
     */
    record CompareThenCopy(ObjectEntry source, ObjectEntry destination, Ref from, Ref to, DigestCache.Entry cached)
            implements PlanItem {
        @Override
        public String key() {
            return source.key();
        }
    }

    /**
     * A source key that cannot become a local path (see {@link LocalTree#unsafeReason}): not
     * copied, and reported as failed, while the rest of the plan goes on.
     */
    record Refused(ObjectEntry source, String reason) implements PlanItem {
        @Override
        public String key() {
            return source.key();
        }
    }

    /** Only at the destination (sync --delete). */
    record Delete(ObjectEntry destination, Ref at) implements PlanItem {
        @Override
        public String key() {
            return destination.key();
        }
    }
}
