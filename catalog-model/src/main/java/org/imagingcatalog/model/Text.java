package org.imagingcatalog.model;

/** Small helpers for echoing untrusted text back in messages. */
public final class Text {

    private static final int ECHO_MAX = 40;

    private Text() {
    }

    /** The start of an untrusted value, short enough to quote in an error message. */
    public static String shorten(String raw) {
        String oneLine = raw.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= ECHO_MAX ? oneLine : oneLine.substring(0, ECHO_MAX) + "…";
    }
}
