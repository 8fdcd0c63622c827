package cn.jixiao.forms.batch;

import java.util.function.BooleanSupplier;

/** A batch given up on because its client went away: no item after this one is rendered. */
public final class BatchCutOff extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchCutOff(int done, int of) {
        super("the client went away after " + done + " of " + of + " items", null, false, false);
    }

    static void unlessPresent(BooleanSupplier clientPresent, int done, int of) {
        if (!clientPresent.getAsBoolean()) {
            throw new BatchCutOff(done, of);
        }
    }
}
