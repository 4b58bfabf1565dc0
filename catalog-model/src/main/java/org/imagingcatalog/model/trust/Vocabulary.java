package org.imagingcatalog.model.trust;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Text;

/** Reads a value of one of the contract's closed vocabularies from untrusted text. */
final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * The constant {@code raw} names in any case, with spaces or hyphens for underscores ("rt-pcr" is
     * {@code RT_PCR}); {@code whenMissing} for blank input.
     */
    static <E extends Enum<E>> E parse(Class<E> type, String raw, E whenMissing) {
        if (raw == null || raw.isBlank()) {
            return whenMissing;
        }
        String wanted = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be " + choices(type) + ", not \"" + Text.shorten(raw) + "\"");
    }

    /** "A, B or C". */
    static <E extends Enum<E>> String choices(Class<E> type) {
        String all = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
