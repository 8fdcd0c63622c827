package cn.jixiao.forms.render.pdf.direct;

import cn.jixiao.forms.render.css.Stylesheet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code @bottom-center} box of {@code @page}: its strings and page counters, centred in the bottom margin. */
final class PageFooter {
    private static final Pattern PART = Pattern.compile("\"([^\"]*)\"|counter\\((pages?)\\)");

    private PageFooter() {
    }

    static void add(PageFlow flow, Stylesheet.Page page) {
        Map<String, String> box = page.marginBoxes().get("bottom-center");
        if (box == null || !box.containsKey("content")) {
            return;
        }
        TextStyle style = TextStyle.of(box);
        int count = flow.pages.size();
        for (int p = 0; p < count; p++) {
            Paragraph paragraph = new Paragraph(style);
            String text = text(box.get("content"), p + 1, count);
            for (int i = 0; i < text.length(); i++) {
                paragraph.append(text.charAt(i), style);
            }
            for (Line line : LineBreaking.lines(paragraph, flow.width(), flow.faces)) {
                float top = flow.bottom() + ((float) flow.geometry.bottom() - line.height()) / 2;
                flow.pages.get(p).line(line, flow.left() + (flow.width() - line.width()) / 2, top, flow.faces);
            }
        }
    }

    static String text(String content, int page, int pages) {
        StringBuilder text = new StringBuilder();
        Matcher matcher = PART.matcher(content);
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                text.append(matcher.group(1));
            } else {
                text.append(matcher.group(2).equals("pages") ? pages : page);
            }
        }
        return text.toString();
    }
}
