/**
 * XHTML to DOCX, built directly as docx4j objects rather than through docx4j's XHTML import, which ignored the
 * column widths and did not repeat header rows: the small vocabulary the form templates use (paragraphs,
 * tables with column widths, spans and header rows, line breaks, bold, alignment) and the CSS that {@code
 * ComputedStyles} reads, with exact widths in twips, East Asian font slots and a page-number footer. The
 * same input gives the same bytes: fixed zip times, no version comment, a fixed order of parts.
 */
package cn.jixiao.forms.render.docx;
