package labcloud.transfer;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * A copy or sync ready to run: its two ends and a plan that can be produced more than once (the
 * egress guard reads it before the engine does; each reading lists afresh, streaming).
 */
public record TransferJob(Side from, Side to, Supplier<Iterator<PlanItem>> plan) {}
