package cn.jixiao.forms.form;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body read as strict UTF-8, the only encoding JSON has: overlong forms ({@code C0 BC} for
 * {@code <}), encoded surrogates and code points beyond U+10FFFF are refused with the byte where they
 * start, never decoded leniently into a different character. A byte-order mark is skipped.
 */
final class Utf8 {
    private Utf8() {
    }

    static String decode(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        CharBuffer out = CharBuffer.allocate(body.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new FormError(FormError.Kind.MALFORMED_JSON, "请求体不是有效的 UTF-8 编码：第 " + (in.position() + 1)
                    + " 个字节起的 " + result.length() + " 个字节不是合法的 UTF-8 字符");
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new FormError(FormError.Kind.MALFORMED_JSON, "请求体不是有效的 UTF-8 编码：结尾不完整");
        }
        return out.flip().toString();
    }
}
