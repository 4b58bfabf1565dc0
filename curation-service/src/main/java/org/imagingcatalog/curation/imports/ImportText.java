package org.imagingcatalog.curation.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.imagingcatalog.curation.curating.CurationProblem;

/**
 * An import file's bytes as text. Only UTF-8 is read: a file that is not (Windows-1252 from an old spreadsheet,
 * say) is refused whole, naming the first byte that is not UTF-8, instead of guessing its encoding. A UTF-8 byte
 * order mark (as spreadsheets write it) is skipped.
 */
public final class ImportText {

    /** The largest import file accepted; the kit's body limit lets the import routes through up to this. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final String MAX_TEXT = "10 MiB";

    private ImportText() {
    }

    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw fileProblem("The file is empty: send the export's header line and one line per entry "
                    + "(or a JSON array of resources). Nothing was imported.");
        }
        if (bytes.length > MAX_BYTES) {
            throw fileProblem("The file has " + bytes.length + " bytes; at most " + MAX_BYTES + " bytes (" + MAX_TEXT
                    + ") are imported at once. Split it into several files. Nothing was imported.");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw fileProblem("The file is not UTF-8 text: the byte at offset " + offset + " (0x"
                    + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF) + ") does not belong to a UTF-8 "
                    + "character. Save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet); other encodings such as "
                    + "Windows-1252 are not guessed. Nothing was imported.");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.isBlank()) {
            throw fileProblem("The file holds nothing but blank space: nothing to import.");
        }
        return text;
    }

    /** A refusal of the whole file (field {@code file}): nothing is imported. */
    public static CurationProblem fileProblem(String message) {
        return CurationProblem.invalidField("file", message);
    }
}
