package org.imagingcatalog.publicweb.export;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.imagingcatalog.publicweb.catalog.Change;

/** The catalog's changes as an Atom 1.0 feed, newest first. */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    public static String write(List<Change> changes, String base, String selfUrl, Instant fallbackUpdated) {
        StringWriter out = new StringWriter(1024 + changes.size() * 600);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "title", "Imaging Data Catalog: catalog changes");
            text(xml, "subtitle", "New, corrected and withdrawn entries of the catalog of public medical imaging data resources.");
            text(xml, "id", base + "/feed.atom");
            link(xml, "self", selfUrl, "application/atom+xml");
            link(xml, "alternate", base + "/", "text/html");
            Instant updated = changes.isEmpty() ? fallbackUpdated : changes.get(0).publishedAt();
            text(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            text(xml, "name", "Imaging Data Catalog curators");
            xml.writeEndElement();
            for (Change change : changes) {
                xml.writeStartElement("entry");
                text(xml, "id", base + "/resources/" + change.resourceId() + "#version-" + change.version());
                text(xml, "title", change.name() + ", version " + change.version()
                        + ("WITHDRAWN".equals(change.status()) ? " (withdrawn)" : ""));
                link(xml, "alternate", base + "/resources/" + change.resourceId(), "text/html");
                text(xml, "updated", change.publishedAt().toString());
                String summary = change.summary() == null ? "" : change.summary();
                if (change.reason() != null && !change.reason().isBlank()) {
                    summary = summary.isEmpty() ? change.reason() : summary + " (" + change.reason() + ")";
                }
                text(xml, "summary", summary);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlSafe(href));
    }

    /** XML 1.0 cannot carry most control characters at all, even escaped: drop them. */
    static String xmlSafe(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }
}
