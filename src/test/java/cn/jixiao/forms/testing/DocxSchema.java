package cn.jixiao.forms.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FontsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.SettingsDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * Checks the WordprocessingML parts of a DOCX against the ECMA-376 schemas: element order, required
 * attributes, allowed values — the mistakes that make Word ask to repair a file.
 */
public final class DocxSchema {
    private DocxSchema() {
    }

    public static List<String> errors(byte[] docx) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : DocxDigest.parts(docx).entrySet()) {
            String name = part.getKey();
            String xml = new String(part.getValue(), StandardCharsets.UTF_8);
            xml = markupCompatibility(name, xml, errors);
            try {
                XmlObject object = parse(name, xml);
                if (object == null) {
                    continue;
                }
                List<XmlError> found = new ArrayList<>();
                XmlOptions options = new XmlOptions().setErrorListener(found);
                object.validate(options);
                found.forEach(error -> errors.add(name + ": " + error));
            } catch (XmlException e) {
                errors.add(name + ": " + e.getMessage());
            }
        }
        return errors;
    }

    /**
     * mc:Ignorable belongs to Markup Compatibility (ECMA-376 part 3), processed before the schemas apply:
     * each prefix it names must be declared; then it is taken out for the schema check.
     */
    private static String markupCompatibility(String name, String xml, List<String> errors) {
        Matcher ignorable = Pattern.compile(" mc:Ignorable=\"([^\"]*)\"").matcher(xml);
        if (!ignorable.find()) {
            return xml;
        }
        for (String prefix : ignorable.group(1).trim().split("\\s+")) {
            if (!prefix.isEmpty() && !xml.contains("xmlns:" + prefix + "=")) {
                errors.add(name + ": mc:Ignorable names undeclared prefix " + prefix);
            }
        }
        return ignorable.replaceFirst("");
    }

    private static XmlObject parse(String name, String xml) throws XmlException {
        if (name.equals("word/document.xml")) {
            return DocumentDocument.Factory.parse(xml);
        } else if (name.equals("word/styles.xml")) {
            return StylesDocument.Factory.parse(xml);
        } else if (name.equals("word/settings.xml")) {
            return SettingsDocument.Factory.parse(xml);
        } else if (name.equals("word/fontTable.xml")) {
            return FontsDocument.Factory.parse(xml);
        } else if (name.matches("word/footer\\d*\\.xml")) {
            return FtrDocument.Factory.parse(xml);
        }
        return null;
    }
}
