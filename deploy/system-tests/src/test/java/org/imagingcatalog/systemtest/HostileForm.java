package org.imagingcatalog.systemtest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body as a browser would send it, plus the ways a hostile
 * client may break it: percent-escaped bytes that are not UTF-8, broken escapes, raw bytes.
 */
final class HostileForm {

    private final Map<String, byte[]> fields = new LinkedHashMap<>();

    /** A field whose value is encoded properly (UTF-8, percent-escaped). */
    HostileForm put(String name, String value) {
        fields.put(name, HostileRequest.encode(value).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A field whose value is percent-escaped bytes that are not UTF-8, after some text. */
    HostileForm putInvalidUtf8(String name, String prefix, byte[] invalid) {
        StringBuilder s = new StringBuilder(HostileRequest.encode(prefix));
        for (byte b : invalid) {
            s.append('%').append(String.format("%02X", b & 0xff));
        }
        fields.put(name, s.toString().getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A field whose value is written as it is: broken escapes ("%ZZ", "%"), raw bytes. */
    HostileForm putRaw(String name, byte[] value) {
        fields.put(name, value);
        return this;
    }

    HostileForm remove(String name) {
        fields.remove(name);
        return this;
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (Map.Entry<String, byte[]> field : fields.entrySet()) {
            if (!first) {
                out.write('&');
            }
            first = false;
            out.writeBytes(HostileRequest.encode(field.getKey()).getBytes(StandardCharsets.US_ASCII));
            out.write('=');
            out.writeBytes(field.getValue());
        }
        return out.toByteArray();
    }
}
