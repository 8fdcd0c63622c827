package cn.jixiao.forms.render;

/** A document that would make a file beyond its {@link RenderBudget}; the service refuses it as a limit exceeded. */
public final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Measure {
        PAGES, BYTES
    }

    private final Measure measure;
    private final long found;
    private final long limit;
    private final boolean estimated;

    /** @param estimated whether {@code found} is a lower bound estimated before layout, not a count */
    public BudgetExceeded(Measure measure, long found, long limit, boolean estimated) {
        super(measure + " " + found + " > " + limit, null, false, false);
        this.measure = measure;
        this.found = found;
        this.limit = limit;
        this.estimated = estimated;
    }

    public Measure measure() {
        return measure;
    }

    public long found() {
        return found;
    }

    public long limit() {
        return limit;
    }

    public boolean estimated() {
        return estimated;
    }
}
