package org.kglab.ingestion;

import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.kglab.chunks.Heading;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The body text, as {@link BodyContentHandler} writes it, and where in it the headings ({@code <h1>..<h6>},
 * which Tika emits for HTML and for DOCX heading styles) and pages ({@code <div class="page">}, PDF) start.
 * Positions are read from the text written so far, so they are exact by construction. The structure is
 * bounded: past {@value #MAX_HEADINGS} headings or {@value #MAX_PAGES} pages the rest is not kept.
 */
final class StructureRecorder extends ContentHandlerDecorator {

    static final int MAX_HEADINGS = 10_000;
    static final int MAX_PAGES = 100_000;
    static final int MAX_HEADING_CHARS = 300;

    private final StringWriter out;
    private final List<Heading> headings = new ArrayList<>();
    private final List<Integer> pageStarts = new ArrayList<>();
    private int headingLevel;
    private int headingStart = -1;

    private StructureRecorder(StringWriter out) {
        super(new BodyContentHandler(out));
        this.out = out;
    }

    static StructureRecorder create() {
        return new StructureRecorder(new StringWriter());
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        super.startElement(uri, localName, name, atts);
        int level = headingLevel(localName);
        if (level > 0 && headingStart < 0) {
            headingLevel = level;
            headingStart = position();
        } else if ("div".equals(localName) && "page".equals(atts.getValue("class"))
                && pageStarts.size() < MAX_PAGES) {
            pageStarts.add(position());
        }
    }

    @Override
    public void endElement(String uri, String localName, String name) throws SAXException {
        super.endElement(uri, localName, name);
        if (headingStart >= 0 && headingLevel(localName) == headingLevel) {
            StringBuffer buffer = out.getBuffer();
            int start = headingStart;
            int end = buffer.length();
            while (start < end && Character.isWhitespace(buffer.charAt(start))) {
                start++;
            }
            String text = buffer.substring(start, end).strip();
            if (!text.isEmpty() && headings.size() < MAX_HEADINGS) {
                headings.add(new Heading(headingLevel, shorten(text), start));
            }
            headingStart = -1;
        }
    }

    /** The text and structure as {@link Extraction} keeps them: the text stripped, offsets moved along. */
    Structure result() {
        String raw = out.toString();
        String text = raw.strip();
        int shift = raw.length() - raw.stripLeading().length();
        List<Heading> shifted = headings.stream()
                .filter(h -> h.offset() - shift >= 0 && h.offset() - shift < text.length())
                .map(h -> new Heading(h.level(), h.text(), h.offset() - shift))
                .toList();
        List<Integer> pages = pageStarts.stream()
                .map(p -> Math.clamp(p - shift, 0, text.length()))
                .toList();
        return new Structure(text, shifted, pages);
    }

    record Structure(String text, List<Heading> headings, List<Integer> pageStarts) {
    }

    static String shorten(String heading) {
        String oneLine = heading.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_HEADING_CHARS ? oneLine : oneLine.substring(0, MAX_HEADING_CHARS);
    }

    private int position() {
        return out.getBuffer().length();
    }

    private static int headingLevel(String localName) {
        if (localName.length() == 2 && localName.charAt(0) == 'h') {
            char digit = localName.charAt(1);
            if (digit >= '1' && digit <= '6') {
                return digit - '0';
            }
        }
        return 0;
    }
}
