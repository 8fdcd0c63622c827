package cn.jixiao.forms.render;

/** The bytes of one rendered file and, for a format laid out in pages by us, how many it has (0 when not known). */
public record Rendered(byte[] bytes, int pages) {
}
