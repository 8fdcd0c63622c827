package cn.jixiao.forms.render.docx;

import java.math.BigInteger;

/** Twentieths of a point, WordprocessingML's unit for page, table and paragraph lengths. */
final class Twips {
    private Twips() {
    }

    static BigInteger of(double points) {
        return BigInteger.valueOf(Math.round(points * 20));
    }
}
