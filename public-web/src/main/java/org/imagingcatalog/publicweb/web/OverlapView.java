package org.imagingcatalog.publicweb.web;

import java.util.List;

/** Everything the overlap page shows, prepared so the template only lays it out. */
public record OverlapView(String q, List<Choice> choices, long matches, boolean more, String prompt, Result result,
        String errorMessage, String errorLink, String apiUrl) {

    /** A dataset the form offers: checked when the reader picked it. */
    public record Choice(String id, String name, boolean checked, String note) {
    }

    /** A dataset named in the answer: its name and its page, or an outside source and its link. */
    public record NodeRef(String label, String url, boolean external) {
    }

    /** One step of a path: "from relation to", e.g. "covidx is built from covid-chestxray-dataset". */
    public record Step(NodeRef from, String relation, NodeRef to) {
    }

    /** Two datasets that may share images, why, and one path that joins them. */
    public record PairView(NodeRef a, NodeRef b, String kind, List<NodeRef> shared, List<Step> path) {
    }

    /**
     * The answer for the picked datasets: independent, or the pairs that may share images, and those of them that
     * share images with none of the others ({@code apart}).
     */
    public record Result(boolean independent, List<NodeRef> compared, List<PairView> pairs, List<NodeRef> apart) {
    }
}
