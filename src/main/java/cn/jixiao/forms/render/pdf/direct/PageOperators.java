package cn.jixiao.forms.render.pdf.direct;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.util.NumberFormatUtil;

/**
 * A page's content stream, written as PDFBox's content stream writes it (numbers to four decimals), for the few
 * operators a laid-out page needs; the text as CIDs of the document's own cuts ({@link EmbeddedFonts}).
 */
final class PageOperators {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private final Bytes out = new Bytes();
    private final byte[] number = new byte[32];

    PageOperators lineWidth(float width) {
        return operand(width).operator("w");
    }

    PageOperators moveTo(float x, float y) {
        return operand(x).operand(y).operator("m");
    }

    PageOperators lineTo(float x, float y) {
        return operand(x).operand(y).operator("l");
    }

    PageOperators stroke() {
        return operator("S");
    }

    PageOperators beginText() {
        return operator("BT");
    }

    PageOperators endText() {
        return operator("ET");
    }

    PageOperators font(COSName name, float size) {
        out.writeBytes(("/" + name.getName() + " ").getBytes(StandardCharsets.US_ASCII));
        return operand(size).operator("Tf");
    }

    PageOperators offset(float x, float y) {
        return operand(x).operand(y).operator("Td");
    }

    /** Shows two-byte codes, written as a hex string. */
    PageOperators show(byte[] codes) {
        out.write('<');
        for (byte b : codes) {
            out.write(HEX[(b >> 4) & 0xF]);
            out.write(HEX[b & 0xF]);
        }
        out.write('>');
        out.write(' ');
        return operator("Tj");
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A growing array: ByteArrayOutputStream takes a lock for every byte. */
    private static final class Bytes {
        private byte[] bytes = new byte[16 * 1024];
        private int size;

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        void write(byte[] b, int offset, int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + length));
            }
            System.arraycopy(b, offset, bytes, size, length);
            size += length;
        }

        void writeBytes(byte[] b) {
            write(b, 0, b.length);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    private PageOperators operand(float value) {
        // a page's coordinates are finite and far below 2^63, all the fast formatting asks
        int length = NumberFormatUtil.formatFloatFast(value, 4, number);
        if (length < 0) {
            throw new IllegalArgumentException(value + " is not a coordinate on a page");
        }
        out.write(number, 0, length);
        out.write(' ');
        return this;
    }

    private PageOperators operator(String operator) {
        out.writeBytes(operator.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        return this;
    }
}
