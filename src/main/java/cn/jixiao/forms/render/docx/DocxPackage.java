package cn.jixiao.forms.render.docx;

import static cn.jixiao.forms.render.docx.DocxRenderer.WML;

import cn.jixiao.forms.render.BoundedOutput;
import cn.jixiao.forms.render.FontLibrary;
import cn.jixiao.forms.render.RenderBudget;
import cn.jixiao.forms.render.docx.ComputedStyles.RunStyle;
import jakarta.xml.bind.JAXBException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.JaxbXmlPart;
import org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.FontTablePart;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.StyleDefinitionsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Body;
import org.docx4j.wml.CTCompat;
import org.docx4j.wml.CTCompatSetting;
import org.docx4j.wml.CTLanguage;
import org.docx4j.wml.CTSettings;
import org.docx4j.wml.CTUcharHexNumber;
import org.docx4j.wml.DocDefaults;
import org.docx4j.wml.Document;
import org.docx4j.wml.FontFamily;
import org.docx4j.wml.FontPitch;
import org.docx4j.wml.Fonts;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STPitch;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Styles;

/**
 * The DOCX file: the main document with its section, the styles (document defaults from the body's
 * text), the font table, the settings and the footer, with their content types and relationships, each
 * part marshalled straight into a zip whose entries carry one fixed time, its root's namespaces in one order
 * ({@link SortedNamespaces}): same input, same bytes, in any process.
 */
final class DocxPackage {
    /**
     * Zip entry time of every part, written as a DOS time only, so that the bytes do not depend on the host's
     * time zone (1980-01-01 00:00 would not do: it is the zip format's "before 1980" mark, for which Java adds
     * a zone-dependent extended timestamp).
     */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private DocxPackage() {
    }

    /** @param footer the footer, or null for none */
    static byte[] write(List<Object> content, SectPr section, Ftr footer, RunStyle body, FontLibrary fonts, RenderBudget budget) {
        try {
            WordprocessingMLPackage pkg = new WordprocessingMLPackage();
            MainDocumentPart main = new MainDocumentPart();
            pkg.addTargetPart(main);
            Document document = WML.createDocument();
            Body wmlBody = WML.createBody();
            document.setBody(wmlBody);
            wmlBody.getContent().addAll(content);
            main.setJaxbElement(document);
            StyleDefinitionsPart styles = new StyleDefinitionsPart();
            styles.setJaxbElement(styles(body));
            main.addTargetPart(styles);
            FontTablePart fontTable = new FontTablePart();
            fontTable.setJaxbElement(fontTable(fonts));
            main.addTargetPart(fontTable);
            DocumentSettingsPart settings = new DocumentSettingsPart();
            settings.setJaxbElement(settings());
            main.addTargetPart(settings);
            List<JaxbXmlPart<?>> parts = new ArrayList<>(List.of(main, styles, fontTable, settings));
            if (footer != null) {
                FooterPart footerPart = new FooterPart();
                footerPart.setJaxbElement(footer);
                Relationship relationship = main.addTargetPart(footerPart);
                FooterReference reference = WML.createFooterReference();
                reference.setId(relationship.getId());
                reference.setType(HdrFtrRef.DEFAULT);
                section.getEGHdrFtrReferences().add(reference);
                parts.add(footerPart);
            }
            wmlBody.setSectPr(section);
            return zip(pkg, main, parts, budget);
        } catch (Docx4JException | JAXBException e) {
            throw new IllegalStateException("DOCX could not be written", e);
        }
    }

    private static byte[] zip(WordprocessingMLPackage pkg, MainDocumentPart main, List<JaxbXmlPart<?>> parts, RenderBudget budget)
            throws JAXBException {
        BoundedOutput bytes = budget.output(32 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            OutputStream entry = new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip stays open for the next part
                }
            };
            open(zip, "[Content_Types].xml");
            pkg.getContentTypeManager().marshal(entry);
            open(zip, "_rels/.rels");
            pkg.getRelationshipsPart().marshal(entry);
            open(zip, "word/_rels/document.xml.rels");
            main.getRelationshipsPart().marshal(entry);
            for (JaxbXmlPart<?> part : parts) {
                open(zip, part.getPartName().getName().substring(1));
                SortedNamespaces sorted = new SortedNamespaces(entry);
                part.marshal(sorted);
                sorted.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void open(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
    }

    /** Document defaults: the body's font and size, Chinese as the language, no space between paragraphs. */
    private static Styles styles(RunStyle body) {
        Styles styles = WML.createStyles();
        DocDefaults defaults = WML.createDocDefaults();
        DocDefaults.RPrDefault rPrDefault = WML.createDocDefaultsRPrDefault();
        RPr rPr = WML.createRPr();
        rPr.setRFonts(RunFormat.fonts(body));
        rPr.setSz(RunFormat.halfPoints(body.size()));
        rPr.setSzCs(RunFormat.halfPoints(body.size()));
        CTLanguage language = WML.createCTLanguage();
        language.setVal("zh-CN");
        language.setEastAsia("zh-CN");
        rPr.setLang(language);
        rPrDefault.setRPr(rPr);
        defaults.setRPrDefault(rPrDefault);
        DocDefaults.PPrDefault pPrDefault = WML.createDocDefaultsPPrDefault();
        PPr pPr = WML.createPPr();
        PPrBase.Spacing spacing = WML.createPPrBaseSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        pPr.setSpacing(spacing);
        pPrDefault.setPPr(pPr);
        defaults.setPPrDefault(pPrDefault);
        styles.setDocDefaults(defaults);
        return styles;
    }

    /** Names the template fonts with their other names and kinds, so that a machine without them substitutes alike. */
    private static Fonts fontTable(FontLibrary fonts) {
        Fonts table = WML.createFonts();
        for (FontLibrary.Family family : fonts.families()) {
            Fonts.Font font = WML.createFontsFont();
            font.setName(family.name());
            if (!family.docxAltName().isEmpty()) {
                Fonts.Font.AltName altName = WML.createFontsFontAltName();
                altName.setVal(family.docxAltName());
                font.setAltName(altName);
            }
            FontFamily generic = WML.createFontFamily();
            generic.setVal(family.docxGeneric());
            font.setFamily(generic);
            CTUcharHexNumber charset = WML.createCTUcharHexNumber();
            charset.setVal("86");
            font.setCharset(charset);
            FontPitch pitch = WML.createFontPitch();
            pitch.setVal(STPitch.VARIABLE);
            font.setPitch(pitch);
            table.getFont().add(font);
        }
        return table;
    }

    /** Word 2013+ layout, so that a table's left edge sits on the margin as in the PDF. */
    private static CTSettings settings() {
        CTSettings settings = WML.createCTSettings();
        CTCompat compat = WML.createCTCompat();
        CTCompatSetting mode = WML.createCTCompatSetting();
        mode.setName("compatibilityMode");
        mode.setUri("http://schemas.microsoft.com/office/word");
        mode.setVal("15");
        compat.getCompatSetting().add(mode);
        settings.setCompat(compat);
        return settings;
    }
}
