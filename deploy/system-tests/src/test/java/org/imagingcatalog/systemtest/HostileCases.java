package org.imagingcatalog.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.imagingcatalog.systemtest.HostileRequest.Case;

/**
 * The whole generated run: every form and API of the three services, in a fixed mix, from one seed.
 * The same seed and the same targets give the same requests.
 */
final class HostileCases {

    private record Weighted(int weight, Supplier<Case> next) {
    }

    private final HostileValues values;
    private final List<Weighted> mix = new ArrayList<>();
    private final int totalWeight;

    HostileCases(long seed, HostileSubmissionCases.FormSession form, HostileSubmissionCases.Revisions revisions,
            HostileCurationCases.Target curator, List<String> publishedIds, int submissionPort, int curationPort,
            int publicPort) {
        this.values = new HostileValues(new Random(seed));
        HostileSubmissionCases submission = new HostileSubmissionCases(values, submissionPort, form, publishedIds,
                revisions);
        HostileCurationCases curation = new HostileCurationCases(values, curationPort, curator);
        HostilePublicCases publicWeb = new HostilePublicCases(values, publicPort, publishedIds);
        HostileWireCases wire = new HostileWireCases(values, List.of(submissionPort, curationPort, publicPort));
        // weights out of 100: the routes of issues 14 and 15 (revisions, PATCH, claims, the audit log, the catalog's
        // unknown, list and trust parameters, overlap and lineage) took their share from the older ones, so the run
        // keeps its size and time
        mix.add(new Weighted(16, submission::form));
        mix.add(new Weighted(5, submission::page));
        mix.add(new Weighted(17, submission::apiPost));
        mix.add(new Weighted(4, submission::apiGet));
        mix.add(new Weighted(4, submission::apiHeaders));
        mix.add(new Weighted(6, submission::revisionApi));
        mix.add(new Weighted(4, submission::revisionForm));
        mix.add(new Weighted(9, curation::apiWrite));
        mix.add(new Weighted(3, curation::apiRead));
        mix.add(new Weighted(3, curation::apiHeaders));
        mix.add(new Weighted(5, curation::patch));
        mix.add(new Weighted(2, curation::claim));
        mix.add(new Weighted(2, curation::audit));
        mix.add(new Weighted(7, curation::form));
        mix.add(new Weighted(2, curation::page));
        mix.add(new Weighted(3, publicWeb::search));
        mix.add(new Weighted(4, publicWeb::badParameter));
        mix.add(new Weighted(1, publicWeb::unknownId));
        mix.add(new Weighted(2, publicWeb::overlapAndLineage));
        mix.add(new Weighted(2, publicWeb::releases));
        mix.add(new Weighted(1, publicWeb::headers));
        mix.add(new Weighted(1, wire::next));
        totalWeight = mix.stream().mapToInt(Weighted::weight).sum();
    }

    List<Case> generate(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = values.nextInt(totalWeight);
            for (Weighted w : mix) {
                pick -= w.weight();
                if (pick < 0) {
                    cases.add(w.next().get());
                    break;
                }
            }
        }
        return cases;
    }
}
