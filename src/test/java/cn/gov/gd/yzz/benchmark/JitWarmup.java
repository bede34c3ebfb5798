package cn.gov.gd.yzz.benchmark;

import java.util.Locale;
import java.util.Optional;

/**
 * Runs a path in chunks until the compiler threads of the JVM doing its Java work were busy less than the settled share
 * of one core's time over a chunk, or the maximum was sent; one chunk where {@code /proc} cannot tell. A code path that
 * runs once per request reaches its final compilation only after some tens of thousands of requests here, and what
 * the benchmarks compare is the service as it runs for days, not as it starts.
 *
 * @param unit what the path sends (events, uploads), for the printed summary
 * @param chunk how much is sent between two looks at the compilers
 * @param max the most sent before giving up on a quiet compiler
 * @param settledShare the compilers' busy share of one core over a chunk below which the path counts as warm
 */
record JitWarmup(String unit, int chunk, int max, double settledShare) {

    interface Load {
        void send(int amount) throws Exception;
    }

    /** Chunk, maximum and settled share (default 0.04) from {@code <prefix>-chunk}, {@code -max}, {@code -settled}. */
    static JitWarmup configured(String prefix, String unit, int chunk, int max) {
        return new JitWarmup(unit, Integer.getInteger(prefix + "-chunk", chunk),
                Integer.getInteger(prefix + "-max", max),
                Double.parseDouble(System.getProperty(prefix + "-settled", "0.04")));
    }

    /** Warms the path up; returns what was sent and the compilers' share over the last chunk, for the printout. */
    String run(long pid, Load load) throws Exception {
        int sent = 0;
        double share = 1;
        while (sent < max && share >= settledShare) {
            Optional<JitActivity.Ticks> before = JitActivity.of(pid);
            load.send(chunk);
            sent += chunk;
            Optional<JitActivity.Ticks> after = JitActivity.of(pid);
            if (before.isEmpty() || after.isEmpty()) {
                return sent + " " + unit + " (JIT activity unknown)";
            }
            share = after.get().compilerShareSince(before.get());
        }
        return String.format(Locale.ROOT, "%d %s (compilers busy %.1f%% of a core over the last %d%s)", sent, unit,
                100 * share, chunk, share >= settledShare ? "; stopped at the maximum" : "");
    }

    /** The condition the warm-up waited for, for the printout. */
    String describe() {
        return String.format(Locale.ROOT, "until JIT compilers were busy < %.0f%% of one core over %d %s",
                100 * settledShare, chunk, unit);
    }
}
