package org.imagingcatalog.curation.curating;

/**
 * Which page of a list to show: {@code page} from 1, {@code size} items each (default 50, at most 200). Read
 * strictly from the query: anything else is a 400 naming {@code page} or {@code size}, never a silent default.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Deep enough for any list here, and small enough that the offset stays an int. */
    private static final int MAX_PAGE = 1_000_000;

    public static Paging first() {
        return new Paging(1, DEFAULT_SIZE);
    }

    public static Paging of(String page, String size) {
        int p = number("page", page, 1, MAX_PAGE, "a page number from 1");
        int s = number("size", size, DEFAULT_SIZE, MAX_SIZE, "a page size from 1 to " + MAX_SIZE);
        return new Paging(p, s);
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static int number(String field, String value, int otherwise, int max, String what) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw CurationProblem.invalidField(field, "must be " + what + (max == MAX_SIZE ? "" : " (at most " + max + ")") + ".");
    }
}
