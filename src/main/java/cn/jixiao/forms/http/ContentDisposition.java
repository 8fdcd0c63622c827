package cn.jixiao.forms.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with a Chinese file name in RFC 5987 / RFC 6266 form. */
final class ContentDisposition {
    private ContentDisposition() {
    }

    /** @param asciiFallback for clients that ignore {@code filename*} */
    static String attachment(String fileName, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encode(fileName);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
