/**
 * The part of CSS the renderers read themselves: openhtmltopdf applies the whole stylesheet to the PDF, but
 * the DOCX, and the row rules the PDF engine lacks, need each element's declarations. {@link CssParser} makes
 * a {@link Stylesheet} (rules with element, class, descendant and child selectors, and the {@code @page}
 * rule), {@link Selector} matches and weighs, {@link Lengths} converts to points, and {@link Cascade}
 * computes what applies to an element. Values stay CSS text; each renderer reads what it maps.
 * {@code templates/README.md} lists what reaches the DOCX.
 */
package cn.jixiao.forms.render.css;
