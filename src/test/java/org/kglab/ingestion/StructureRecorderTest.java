package org.kglab.ingestion;

import org.apache.tika.sax.XHTMLContentHandler;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.kglab.chunks.Heading;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorder sees what Tika's parsers emit: XHTML with headings and page divisions. */
class StructureRecorderTest {

    @Test
    void recordsHeadingsAndPagesAtTheirOffsetsInTheStrippedText() throws SAXException {
        StructureRecorder recorder = StructureRecorder.create();
        var xhtml = new XHTMLContentHandler(recorder, new Metadata());
        xhtml.startDocument();
        xhtml.characters("\n\n  ");
        xhtml.startElement("div", "class", "page");
        xhtml.element("h1", "Methods");
        xhtml.element("p", "We measured.");
        xhtml.endElement("div");
        xhtml.startElement("div", "class", "page");
        xhtml.element("h2", "  Data  ");
        xhtml.element("p", "Sensors.");
        xhtml.endElement("div");
        xhtml.endDocument();

        StructureRecorder.Structure result = recorder.result();
        String text = result.text();

        assertThat(text).startsWith("Methods").endsWith("Sensors.");
        assertThat(result.headings()).containsExactly(new Heading(1, "Methods", 0),
                new Heading(2, "Data", text.indexOf("Data")));
        assertThat(result.pageStarts()).hasSize(2);
        assertThat(result.pageStarts().get(0)).isZero();
        assertThat(text.substring(result.pageStarts().get(1)).strip()).startsWith("Data");
    }

    @Test
    void aTextWithoutStructureHasNone() throws SAXException {
        StructureRecorder recorder = StructureRecorder.create();
        var xhtml = new XHTMLContentHandler(recorder, new Metadata());
        xhtml.startDocument();
        xhtml.element("p", "Just words.");
        xhtml.endDocument();

        StructureRecorder.Structure result = recorder.result();

        assertThat(result.text()).isEqualTo("Just words.");
        assertThat(result.headings()).isEmpty();
        assertThat(result.pageStarts()).isEmpty();
    }
}
