package org.kglab.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Files of every accepted type, and broken ones, made in memory by each test: no binary is committed. */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf(String title, String... lines) {
        return protectedPdf(title, null, lines);
    }

    /** A PDF protected by a user password: it cannot even be opened without one. */
    public static byte[] encryptedPdf(String line) {
        return protectedPdf("Secret", "user-password", line);
    }

    /** A PDF of roughly {@code targetBytes}, made of many pages of text. */
    public static byte[] largePdf(long targetBytes) {
        String line = "Knowledge graphs link entities across documents; this sentence pads the page. ";
        String[] lines = new String[40];
        Arrays.fill(lines, line);
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Large");
            long estimate = 0;
            while (estimate < targetBytes) {
                addPage(document, lines);
                estimate += 2_600;
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] protectedPdf(String title, String userPassword, String... lines) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(title);
            addPage(document, lines);
            if (userPassword != null) {
                var policy = new StandardProtectionPolicy("owner-password", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addPage(PDDocument document, String... lines) throws IOException {
        var page = new PDPage();
        document.addPage(page);
        try (var content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
            content.newLineAtOffset(40, 740);
            for (String line : lines) {
                content.showText(line);
                content.newLineAtOffset(0, -14);
            }
            content.endText();
        }
    }

    /** A PDF with one page per argument, each page's text given line by line ('\n'). */
    public static byte[] pdfPages(String... pages) {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (String page : pages) {
                addPage(document, page.split("\n"));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DOCX of headings and paragraphs: an element "#Title" is a level-1 heading, "##Title" level 2, and
     * anything else a paragraph. Headings use Word's built-in styles "heading 1" and "heading 2".
     */
    public static byte[] docxOutline(String... elements) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            var styles = document.createStyles();
            for (int level = 1; level <= 2; level++) {
                var style = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance();
                style.setStyleId("Heading" + level);
                var name = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString.Factory.newInstance();
                name.setVal("heading " + level);
                style.setName(name);
                style.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType.PARAGRAPH);
                styles.addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(style));
            }
            for (String element : elements) {
                var paragraph = document.createParagraph();
                if (element.startsWith("##")) {
                    paragraph.setStyle("Heading2");
                    paragraph.createRun().setText(element.substring(2));
                } else if (element.startsWith("#")) {
                    paragraph.setStyle("Heading1");
                    paragraph.createRun().setText(element.substring(1));
                } else {
                    paragraph.createRun().setText(element);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] docx(String title, String paragraph) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] html(String title, String body) {
        return text("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>" + body
                + "</p></body></html>");
    }

    /** The first bytes of a real PNG: enough for type detection to know it is an image. */
    public static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    /**
     * A PDF cut off inside its only content stream: no cross-reference table, no trailer. PDFBox
     * reads it leniently, finds the page and no text on it.
     */
    public static byte[] cutOffPdf() {
        return text("""
                %PDF-1.4
                1 0 obj
                << /Type /Catalog /Pages 2 0 R >>
                endobj
                2 0 obj
                << /Type /Pages /Count 1 /Kids [3 0 R] >>
                endobj
                3 0 obj
                << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
                /Resources << /Font << /F1 5 0 R >> >> >>
                endobj
                5 0 obj
                << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>
                endobj
                4 0 obj
                << /Length 200 >>
                stream
                BT /F1 12 Tf 72 712 Td (Words that were""");
    }

    /** A scan: one page that is a picture of text, with no text layer. */
    public static byte[] scannedPdf() {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            document.addPage(page);
            var picture = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 100);
            g.setColor(Color.BLACK);
            g.drawString("Scanned words", 20, 50);
            g.dispose();
            try (var content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, picture), 40, 600);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real PDF cut off halfway: the header is right, the body and cross-reference table are gone. */
    public static byte[] truncatedPdf() {
        byte[] whole = pdf("Truncated", "This document will be cut in half.");
        return Arrays.copyOf(whole, whole.length / 2);
    }
}
