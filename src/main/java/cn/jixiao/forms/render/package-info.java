/**
 * From a form's view model to file bytes, knowing nothing of form types: {@link Templates} makes XHTML with the
 * form's FreeMarker template; {@link Xhtml} parses it, DOCTYPEs and external entities refused, and with
 * {@link XhtmlTables} answers what both renderers ask of its elements and tables; each {@link Renderer} turns
 * the same document into one format: {@link PdfRenderer} through openhtmltopdf, adding the two row rules it
 * lacks ({@code KeptRows}, {@code RepeatedCells}), and {@code docx.DocxRenderer} through docx4j objects. So one
 * template carries the layout of both formats. Fonts come only from the {@link FontLibrary}.
 */
package cn.jixiao.forms.render;
