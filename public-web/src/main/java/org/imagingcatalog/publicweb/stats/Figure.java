package org.imagingcatalog.publicweb.stats;

/** One headline figure of the survey: how many resources answer yes, no or unknown. */
public record Figure(String key, String label, long yes, long no, long unknown) {

    /** The figure in words, for screen readers and the chart's title. */
    public String sentence() {
        return label + ": " + yes + " yes, " + no + " no, " + unknown + " unknown";
    }
}
