package org.kglab.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile files, made by each test: small on the wire, huge once unpacked. The expanded content is
 * streamed through the compressor in a small buffer, so that making a bomb costs the test little memory.
 */
public final class Bombs {

    private static final long GIB = 1024L * 1024 * 1024;

    private Bombs() {
    }

    /** A DOCX whose {@code word/document.xml} is {@code xmlBytes} of paragraphs. */
    public static byte[] docx(long xmlBytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="word/document.xml"/></Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"));
            repeat(zip, "<w:p><w:r><w:t>Knowledge graph bomb paragraph. </w:t></w:r></w:p>", xmlBytes);
            zip.write(ascii("</w:body></w:document>"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page-per-stream PDF whose {@code streams} content streams each inflate to a GiB of zeros. */
    public static byte[] pdfOfFlateStreams(int streams) {
        byte[] zeros = deflatedZeros(GIB);
        var pdf = new PdfWriter();
        int firstPage = 3;
        int firstStream = firstPage + streams;
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object(2, "<< /Type /Pages /Count " + streams + " /Kids [" + refs(firstPage, streams) + "] >>");
        for (int i = 0; i < streams; i++) {
            pdf.object(firstPage + i, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                    + (firstStream + i) + " 0 R >>");
        }
        for (int i = 0; i < streams; i++) {
            pdf.stream(firstStream + i, "/Filter /FlateDecode", zeros);
        }
        return pdf.finish(1);
    }

    /** A PDF of {@code pages} pages that share one content stream of a few words. */
    public static byte[] pdfOfPages(int pages) {
        var pdf = new PdfWriter();
        int firstPage = 5;
        pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object(2, "<< /Type /Pages /Count " + pages + " /MediaBox [0 0 612 792] "
                + "/Resources << /Font << /F1 4 0 R >> >> /Kids [" + refs(firstPage, pages) + "] >>");
        pdf.stream(3, "", ascii("BT /F1 12 Tf 72 712 Td (A page of many.) Tj ET"));
        pdf.object(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (int i = 0; i < pages; i++) {
            pdf.object(firstPage + i, "<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>");
        }
        return pdf.finish(1);
    }

    private static String refs(int first, int count) {
        var refs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            refs.append(first + i).append(" 0 R ");
        }
        return refs.toString();
    }

    private static byte[] deflatedZeros(long bytes) {
        var out = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            byte[] block = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += block.length) {
                deflate.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void repeat(OutputStream out, String unit, long bytes) throws IOException {
        byte[] block = ascii(unit.repeat(Math.max(1, 64 * 1024 / unit.length())));
        for (long written = 0; written < bytes; written += block.length) {
            out.write(block);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(ascii(content));
        zip.closeEntry();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Just enough of the PDF file structure: numbered objects, a cross-reference table, a trailer. */
    private static final class PdfWriter {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<long[]> offsets = new ArrayList<>();

        PdfWriter() {
            out.writeBytes(ascii("%PDF-1.4\n%\u00e2\u00e3\n"));
        }

        void object(int number, String dictionary) {
            offsets.add(new long[] {number, out.size()});
            out.writeBytes(ascii(number + " 0 obj\n" + dictionary + "\nendobj\n"));
        }

        void stream(int number, String entries, byte[] data) {
            offsets.add(new long[] {number, out.size()});
            out.writeBytes(ascii(number + " 0 obj\n<< /Length " + data.length + " " + entries + " >>\nstream\n"));
            out.writeBytes(data);
            out.writeBytes(ascii("\nendstream\nendobj\n"));
        }

        byte[] finish(int root) {
            offsets.sort((a, b) -> Long.compare(a[0], b[0]));
            long xref = out.size();
            var table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long[] entry : offsets) {
                table.append(String.format("%010d 00000 n \n", entry[1]));
            }
            table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root ").append(root)
                    .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            out.writeBytes(ascii(table.toString()));
            return out.toByteArray();
        }
    }
}
