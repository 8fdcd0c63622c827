package cn.jixiao.forms.render.pdf.direct;

/**
 * One line of a paragraph: characters {@code start} to {@code end}, its width without hanging spaces, its height;
 * {@code raise}, part of that height, the room an inline box taller than the line's text takes above it.
 */
record Line(Paragraph paragraph, int start, int end, float width, float height, float raise) {
}
