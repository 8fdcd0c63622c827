/**
 * A PDF laid out by our own code from the XHTML and its cascade, written through PDFBox: pages from {@code @page},
 * titles, and tables of fixed layout with spans, repeated header rows and rows split across pages. Used instead of
 * openhtmltopdf only for the forms it has been checked on, and only when switched on.
 */
package cn.jixiao.forms.render.pdf.direct;
