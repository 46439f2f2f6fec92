package io.crmbridge.bench.report;

/**
 * A goal from the issue and how the run fared: met when the figure's median is at least (or below) the limit.
 *
 * @param figureId the figure or ratio it is judged on
 * @param atLeast  true for "at least limit", false for "below limit"
 */
public record Target(String what, String figureId, double limit, boolean atLeast, double value) {

    public boolean met() {
        return atLeast ? value >= limit : value < limit;
    }

    /** How far from the limit, in percent of it: positive means room to spare, negative a miss. */
    public double marginPercent() {
        if (limit == 0) {
            return 0;
        }
        return 100 * (atLeast ? value - limit : limit - value) / Math.abs(limit);
    }
}
