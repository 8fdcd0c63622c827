package cn.jixiao.forms.render.pdf.direct;

/** One line of a paragraph: characters {@code start} to {@code end}, its width without hanging spaces, its height. */
record Line(Paragraph paragraph, int start, int end, float width, float height) {
}
