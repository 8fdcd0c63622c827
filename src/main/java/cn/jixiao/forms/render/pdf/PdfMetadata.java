package cn.jixiao.forms.render.pdf;

import cn.jixiao.forms.render.RenderOptions;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What a PDF says about itself, the same for the same document: fixed dates, an identifier from its content,
 * its title; for PDF/A the XMP metadata agreeing with all of that, and for PDF/A-3 the request's JSON attached
 * as its source, so that an archive can read the data back from the form.
 */
public final class PdfMetadata {
    static final String PRODUCER = "jixiao-forms";
    static final String SOURCE_NAME = "document.json";
    /** The one date every file carries: bytes must not depend on when they were made. */
    static final Calendar EPOCH = fixedDate();
    /** sRGB, for the output intent of PDF/A (openhtmltopdf writes it). */
    static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private PdfMetadata() {
    }

    /** Dates, producer, title and a file identifier derived from the content. */
    public static void apply(PDDocument document, RenderOptions options, byte[] content) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreationDate(EPOCH);
        info.setModificationDate(EPOCH);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setTitle(options.title());
        byte[] id = md5(content);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        document.setDocumentId(0L);
        if (options.archive() != RenderOptions.Archive.NONE) {
            boolean three = options.archive() == RenderOptions.Archive.PDFA_3B;
            document.getDocumentCatalog().setMetadata(xmp(document, options.title(), three ? 3 : 2));
            if (three && options.source() != null) {
                attach(document, options.source());
            }
        }
    }

    /** XMP that repeats the document information exactly, as PDF/A requires, and names the PDF/A part. */
    private static PDMetadata xmp(PDDocument document, String title, int part) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(title);
        dublinCore.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(EPOCH);
        basic.setModifyDate(EPOCH);
        basic.setCreatorTool(PRODUCER);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema identification = xmp.createAndAddPDFAIdentificationSchema();
        try {
            identification.setPart(part);
            identification.setConformance("B");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(bytes.toByteArray());
            return metadata;
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("XMP metadata could not be written", e);
        }
    }

    /** The source JSON as an associated file (AFRelationship Source), listed in the catalog's /AF. */
    private static void attach(PDDocument document, byte[] json) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(json));
        file.setSubtype("application/json");
        file.setSize(json.length);
        file.setCreationDate(EPOCH);
        file.setModDate(EPOCH);
        PDComplexFileSpecification specification = new PDComplexFileSpecification();
        specification.setFile(SOURCE_NAME);
        specification.setFileUnicode(SOURCE_NAME);
        specification.setFileDescription("填报的数据（JSON），可由此重新生成本表");
        specification.setEmbeddedFile(file);
        specification.setEmbeddedFileUnicode(file);
        specification.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(SOURCE_NAME, specification));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(specification);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Calendar fixedDate() {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.set(2000, Calendar.JANUARY, 1, 0, 0, 0);
        return calendar;
    }
}
