package org.imagingcatalog.model;

import java.util.List;

/** The Kafka topics of the contract. */
public final class Topics {

    /** {@code SubmissionReceived}, keyed by submission id: submission-service to curation-service. */
    public static final String SUBMISSIONS = "catalog.submissions.v1";
    /** {@code SubmissionDecided}, keyed by submission id: curation-service to submission-service. */
    public static final String DECISIONS = "catalog.decisions.v1";
    /** {@code EntryVersionPublished}, keyed by resource id, compacted: the published catalog. */
    public static final String ENTRIES = "catalog.entries.v1";
    /** {@code LinkChecked}, keyed by resource id, compacted: the latest link check of each entry. */
    public static final String LINK_HEALTH = "catalog.link-health.v1";
    /** {@code ReleasePublished}, keyed by release name and part, compacted: every part of every named release. */
    public static final String RELEASES = "catalog.releases.v1";

    /** The topics whose records are snapshots of a key's latest state, so compaction keeps only that. */
    public static boolean compacted(String topic) {
        return ENTRIES.equals(topic) || LINK_HEALTH.equals(topic) || RELEASES.equals(topic);
    }

    private Topics() {
    }

    public static List<String> all() {
        return List.of(SUBMISSIONS, DECISIONS, ENTRIES, LINK_HEALTH, RELEASES);
    }
}
