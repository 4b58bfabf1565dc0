package org.imagingcatalog.publicweb.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Plain RDF/XML written as the triples arrive: one {@code rdf:Description} per run of triples with the same subject,
 * one property element per triple. Jena's RDF/XML writers take a whole graph, which for a large catalog would hold
 * every triple in memory at once; this one holds nothing but the prefixes and the current subject. Text is escaped
 * so that a parser reads back exactly the same literal ({@code \r} and tabs included); a character XML 1.0 cannot
 * carry at all (which the catalog's validation already refuses) becomes U+FFFD.
 */
final class RdfXmlStream implements StreamRDF {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    private final Writer out;
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private boolean started;
    private Node subject;

    RdfXmlStream(OutputStream to) {
        this.out = new BufferedWriter(new OutputStreamWriter(to, StandardCharsets.UTF_8), 1 << 16);
        prefixes.put("rdf", RDF);
    }

    @Override
    public void start() {
    }

    @Override
    public void base(String base) {
    }

    @Override
    public void prefix(String prefix, String iri) {
        if (!started && isName(prefix)) {
            prefixes.put(prefix, iri);
        }
    }

    @Override
    public void triple(Triple triple) {
        try {
            header();
            if (!triple.getSubject().equals(subject)) {
                closeSubject();
                subject = triple.getSubject();
                out.write("  <rdf:Description ");
                out.write(subject.isBlank() ? "rdf:nodeID=\"" + nodeId(subject) : "rdf:about=\"" + attribute(subject.getURI()));
                out.write("\">\n");
            }
            property(triple.getPredicate().getURI(), triple.getObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void quad(Quad quad) {
        triple(quad.asTriple());
    }

    @Override
    public void finish() {
        try {
            header();
            closeSubject();
            out.write("</rdf:RDF>\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header() throws IOException {
        if (started) {
            return;
        }
        started = true;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            out.write("\n    xmlns:" + prefix.getKey() + "=\"" + attribute(prefix.getValue()) + "\"");
        }
        out.write(">\n");
    }

    private void closeSubject() throws IOException {
        if (subject != null) {
            out.write("  </rdf:Description>\n");
            subject = null;
        }
    }

    private void property(String predicate, Node object) throws IOException {
        String element = qualifiedName(predicate);
        String declaration = element == null ? " xmlns:p=\"" + attribute(namespaceOf(predicate)) + "\"" : "";
        if (element == null) {
            element = "p:" + predicate.substring(namespaceOf(predicate).length());
        }
        out.write("    <" + element + declaration);
        if (object.isURI()) {
            out.write(" rdf:resource=\"" + attribute(object.getURI()) + "\"/>\n");
        } else if (object.isBlank()) {
            out.write(" rdf:nodeID=\"" + nodeId(object) + "\"/>\n");
        } else {
            String language = object.getLiteralLanguage();
            if (language != null && !language.isEmpty()) {
                out.write(" xml:lang=\"" + attribute(language) + "\"");
            } else if (!XSD_STRING.equals(object.getLiteralDatatypeURI())) {
                out.write(" rdf:datatype=\"" + attribute(object.getLiteralDatatypeURI()) + "\"");
            }
            out.write(">" + text(object.getLiteralLexicalForm()) + "</" + element + ">\n");
        }
    }

    /** {@code prefix:local} with a declared namespace, or null when none fits (the element then declares its own). */
    private String qualifiedName(String iri) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            String namespace = prefix.getValue();
            if (iri.startsWith(namespace) && namespace.length() > bestLength && isName(iri.substring(namespace.length()))) {
                best = prefix.getKey() + ":" + iri.substring(namespace.length());
                bestLength = namespace.length();
            }
        }
        return best;
    }

    /** The IRI up to the longest tail that is an XML name (a property IRI must end in one to be written at all). */
    private static String namespaceOf(String iri) {
        int split = iri.length();
        while (split > 0 && isNameChar(iri.charAt(split - 1))) {
            split--;
        }
        while (split < iri.length() && !isNameStart(iri.charAt(split))) {
            split++;
        }
        if (split == iri.length()) {
            throw new IllegalArgumentException("RDF/XML cannot write the property " + iri);
        }
        return iri.substring(0, split);
    }

    /** A blank node's label as an XML name: letters and digits kept, anything else spelled out, so labels stay apart. */
    private static String nodeId(Node blank) {
        String label = blank.getBlankNodeLabel();
        StringBuilder id = new StringBuilder("b");
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                id.append(c);
            } else {
                id.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return id.toString();
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(char c) {
        return c < 128 ? Character.isLetter(c) || c == '_' : Character.isLetter(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c < 128 && (Character.isDigit(c) || c == '-' || c == '.'));
    }

    private static String text(String text) {
        return escape(text, false);
    }

    private static String attribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
