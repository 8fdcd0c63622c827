package cn.jixiao.forms.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, on a PDF: the rules it breaks, none for a conforming file. */
public final class PdfA {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfA() {
    }

    /** @param level {@code 2b} or {@code 3b} */
    public static List<String> failedRules(byte[] pdf, String level) {
        PDFAFlavour flavour = PDFAFlavour.fromString(level);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            List<String> failed = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
                            + assertion.getMessage();
                    if (!failed.contains(rule)) {
                        failed.add(rule);
                    }
                }
            }
            if (!result.isCompliant() && failed.isEmpty()) {
                failed.add("not compliant");
            }
            return failed;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate: " + e, e);
        }
    }
}
