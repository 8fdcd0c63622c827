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

    static int of(int whole, String shareText) {
        double share = Double.parseDouble(shareText);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("jixiao.test.sampleShare is a share above 0 and at most 1: " + share);
        }
        return Math.max(1, (int) Math.round(whole * share));
    }
}
