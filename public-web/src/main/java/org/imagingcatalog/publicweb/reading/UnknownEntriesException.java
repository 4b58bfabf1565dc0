package org.imagingcatalog.publicweb.reading;

import java.util.List;
import java.util.stream.Collectors;

/** Ids a reader asked about that name no entry of the catalog (listed or withdrawn). */
public class UnknownEntriesException extends RuntimeException {

    private final List<String> ids;

    public UnknownEntriesException(List<String> ids) {
        super("not in the catalog: " + String.join(", ", ids));
        this.ids = List.copyOf(ids);
    }

    /** The unknown ids, as asked (shortened), in the order asked. */
    public List<String> ids() {
        return ids;
    }

    /** "There is no entry with the id "x" in the catalog." or "... the ids "x" and "y" ...". */
    public String detail() {
        if (ids.size() == 1) {
            return "There is no entry with the id \"" + ids.get(0) + "\" in the catalog.";
        }
        String quoted = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
        int last = quoted.lastIndexOf(", ");
        return "There are no entries with the ids " + quoted.substring(0, last) + " and " + quoted.substring(last + 2)
                + " in the catalog.";
    }
}
