package org.kglab.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

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

    /** A real PDF cut off halfway: the header is right, the body and cross-reference table are gone. */
    public static byte[] truncatedPdf() {
        byte[] whole = pdf("Truncated", "This document will be cut in half.");
        return Arrays.copyOf(whole, whole.length / 2);
    }
}
