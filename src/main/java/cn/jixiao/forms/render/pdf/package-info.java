/**
 * XHTML to PDF through openhtmltopdf, with what it lacks added around it: {@link KeptRows} and
 * {@link RepeatedCells} (the two row rules of the templates), {@link InterruptibleLineBreaker} (a render the queue
 * gave up on stops), fonts only from the bundled library ({@link BundledFontMapper}, {@link DocumentFonts}),
 * {@link PdfMetadata} (title, fixed dates and file ID so that the same input gives the same bytes; for PDF/A the
 * XMP, the output intent and, for PDF/A-3, the JSON the file was made from as an attachment),
 * {@link SignatureFields} (empty signature fields over the places the layout marks) and {@link PdfBinder}
 * (several files bound into one, with an outline).
 */
package cn.jixiao.forms.render.pdf;
