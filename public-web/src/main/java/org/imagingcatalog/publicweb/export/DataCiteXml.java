package org.imagingcatalog.publicweb.export;

import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.imagingcatalog.kit.licences.SpdxLicences;
import org.imagingcatalog.publicweb.releases.Release;

/**
 * A release described in the DataCite Metadata Schema 4.5 (namespace {@code http://datacite.org/schema/kernel-4}):
 * everything needed to register a DOI for it later. Its mandatory properties are here, creators (the curators, as an
 * organisation), title, publisher, publication year (the year it was cut) and resource type (Dataset), with the
 * recommended and optional ones the catalog knows: the issue date, the version (the release's name), the notes as
 * abstract, the previous release ({@code IsNewVersionOf}), size, formats, language and the licence of the catalog's
 * metadata. The one property left out is {@code identifier}: the schema allows only the DOI itself there, which does
 * not exist until someone registers it, and a placeholder would be a false DOI. The release's page is given instead
 * as an {@code alternateIdentifier} of type URL; whoever registers the DOI adds the {@code identifier} element (or
 * passes the DOI beside this document, as DataCite's REST API takes it). Written with the JDK's StAX writer, so every
 * text and attribute is escaped; characters XML 1.0 cannot hold are dropped.
 */
public final class DataCiteXml {

    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    public static final String MEDIA_TYPE = "application/xml; charset=UTF-8";
    private static final String SCHEMA_LOCATION = NAMESPACE + " https://schema.datacite.org/meta/kernel-4.5/metadata.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** The formats a release is exported in, as media types. */
    public static final List<String> FORMATS = List.of("text/csv", "application/json", "application/x-tex",
            "application/x-bibtex", "application/ld+json", "text/turtle", "application/rdf+xml");

    private final XMLStreamWriter xml;

    private DataCiteXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /**
     * @param metadataLicense the SPDX id the catalog's metadata is published under ({@code catalog.dcat.metadata-license})
     */
    public static byte[] of(Release release, String base, String metadataLicense) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            new DataCiteXml(writer).resource(release, base, metadataLicense);
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the DataCite XML of release " + release.name(), e);
        }
        return bytes.toByteArray();
    }

    private void resource(Release release, String base, String metadataLicense)
            throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeStartElement("resource");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", SCHEMA_LOCATION);
        String url = ReleaseCitation.url(base, release);

        open(1, "alternateIdentifiers");
        element(2, "alternateIdentifier", url, "alternateIdentifierType", "URL");
        close(1);
        open(1, "creators");
        open(2, "creator");
        element(3, "creatorName", ReleaseCitation.CREATOR, "nameType", "Organizational");
        close(2);
        close(1);
        open(1, "titles");
        englishElement(2, "title", ReleaseCitation.title(release));
        close(1);
        englishElement(1, "publisher", SchemaOrg.CATALOG_NAME);
        element(1, "publicationYear", Integer.toString(release.cutDate().getYear()));
        element(1, "resourceType", "Catalog release", "resourceTypeGeneral", "Dataset");
        open(1, "subjects");
        englishElement(2, "subject", "Medical imaging");
        englishElement(2, "subject", "Data catalogs");
        close(1);
        open(1, "dates");
        element(2, "date", release.cutDate().toString(), "dateType", "Issued");
        close(1);
        element(1, "language", "en");
        if (release.previous() != null) {
            open(1, "relatedIdentifiers");
            element(2, "relatedIdentifier", base + "/releases/" + release.previous(), "relatedIdentifierType", "URL",
                    "relationType", "IsNewVersionOf");
            close(1);
        }
        open(1, "sizes");
        element(2, "size", release.entryCount() + (release.entryCount() == 1 ? " entry" : " entries"));
        element(2, "size", release.listedCount() + " listed, " + release.withdrawnCount() + " withdrawn");
        close(1);
        open(1, "formats");
        for (String format : FORMATS) {
            element(2, "format", format);
        }
        close(1);
        element(1, "version", release.name());
        rights(metadataLicense);
        open(1, "descriptions");
        indent(2);
        xml.writeStartElement("description");
        xml.writeAttribute(XML, "lang", "en");
        xml.writeAttribute("descriptionType", "Abstract");
        xml.writeCharacters(text(release.notes() == null || release.notes().isBlank()
                ? "Release " + release.name() + " of the " + SchemaOrg.CATALOG_NAME + ", a curated catalog of public"
                        + " medical imaging data resources, as it was on " + release.cutDate() + "."
                : release.notes()));
        xml.writeEndElement();
        close(1);
        xml.writeCharacters("\n");
        xml.writeEndElement();
    }

    /** The licence of the catalog's own metadata: the SPDX licence with its page when listed, else its text. */
    private void rights(String metadataLicense) throws XMLStreamException {
        if (metadataLicense == null || metadataLicense.isBlank()) {
            return;
        }
        SpdxLicences.SpdxLicence spdx = SpdxLicences.of(metadataLicense);
        open(1, "rightsList");
        indent(2);
        xml.writeStartElement("rights");
        xml.writeAttribute(XML, "lang", "en");
        if (spdx != null && spdx.name() != null) {
            xml.writeAttribute("rightsURI", spdx.url());
            xml.writeAttribute("rightsIdentifier", spdx.spdx());
            xml.writeAttribute("rightsIdentifierScheme", "SPDX");
            xml.writeAttribute("schemeURI", "https://spdx.org/licenses/");
            xml.writeCharacters(text(spdx.name()));
        } else {
            xml.writeCharacters(text(metadataLicense));
        }
        xml.writeEndElement();
        close(1);
    }

    private void open(int depth, String name) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(name);
    }

    private void close(int depth) throws XMLStreamException {
        indent(depth);
        xml.writeEndElement();
    }

    /** {@code attributes}: name, value, name, value... */
    private void element(int depth, String name, String value, String... attributes) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], text(attributes[i + 1]));
        }
        xml.writeCharacters(text(value));
        xml.writeEndElement();
    }

    private void englishElement(int depth, String name, String value) throws XMLStreamException {
        indent(depth);
        xml.writeStartElement(name);
        xml.writeAttribute(XML, "lang", "en");
        xml.writeCharacters(text(value));
        xml.writeEndElement();
    }

    private void indent(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Text XML 1.0 can hold: its characters only (no NUL or other control character but tab and line breaks). */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(DataCiteXml::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
