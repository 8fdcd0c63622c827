/**
 * From a form's view model to file bytes, knowing nothing of form types: {@link Templates} makes XHTML with the
 * form's FreeMarker template; {@link Xhtml} parses it, DOCTYPEs and external entities refused, and with
 * {@link XhtmlTables} answers what both renderers ask of its elements and tables; each {@link Renderer} turns
 * the same document into one format, as {@link RenderOptions} ask: {@code pdf.PdfRenderer} through openhtmltopdf,
 * adding the two row rules it lacks, metadata, PDF/A and signature fields, and {@code docx.DocxRenderer} through
 * docx4j objects. So one template carries the layout of both formats. Fonts come only from the {@link FontLibrary}. Every render keeps within a {@link RenderBudget} of pages
 * and bytes and stops at its next checkpoint ({@link Interrupts}) when the render queue has given up on it.
 */
package cn.jixiao.forms.render;
