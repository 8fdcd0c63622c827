package cn.jixiao.forms.testing;

/**
 * How many random samples a test that draws them takes: all of them in the whole suite, a share in the quick tier
 * ({@code -Djixiao.test.sampleShare=0.25} in the {@code quick} profile), the same seeds either way, so a quick run
 * tries the first of the whole run's samples.
 */
public final class Samples {
    private Samples() {
    }

    public static int of(int whole) {
        return of(whole, System.getProperty("jixiao.test.sampleShare", "1"));
    }

    /**
     * How many each of {@code groups} groups of {@code whole} samples takes (each form compared on its own documents):
     * all of them in the whole suite; in the quick tier the share of one group's whole, divided among the groups, at
     * least one each — so that a quick run does not grow with the number of groups.
     */
    public static int eachOf(int whole, int groups) {
        return eachOf(whole, groups, System.getProperty("jixiao.test.sampleShare", "1"));
    }

    static int eachOf(int whole, int groups, String shareText) {
        int share = of(whole, shareText);
        return share == whole ? whole : Math.max(1, share / groups);
    }

    static int of(int whole, String shareText) {
        double share = Double.parseDouble(shareText);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("jixiao.test.sampleShare is a share above 0 and at most 1: " + share);
        }
        return Math.max(1, (int) Math.round(whole * share));
    }
}
