package org.imagingcatalog.model.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagingcatalog.model.TrustSamples.bare;
import static org.imagingcatalog.model.TrustSamples.derivedFrom;
import static org.imagingcatalog.model.TrustSamples.relation;
import static org.imagingcatalog.model.TrustSamples.withIdentifiers;
import static org.imagingcatalog.model.TrustSamples.withRelations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.junit.jupiter.api.Test;

class LineageTest {

    private static String url(String id) {
        return "https://data.example.org/" + id;
    }

    private static Resource entry(String id, String... sources) {
        return withRelations(id, url(id), Arrays.stream(sources).map(s -> derivedFrom(s)).toArray(Relation[]::new));
    }

    private static OverlapPair onlyPair(Lineage lineage, String a, String b) {
        OverlapReport report = lineage.overlap(List.of(a, b));
        assertThat(report.independent()).isFalse();
        assertThat(report.pairs()).hasSize(1);
        return report.pairs().get(0);
    }

    @Test
    void oneBuiltFromTheOtherOverlapsAsTheContractShows() throws Exception {
        Lineage lineage = Lineage.of(List.of(entry("covid-chestxray-dataset"), entry("covidx-cxr", "covid-chestxray-dataset")));
        assertThat(EventJson.mapper().writeValueAsString(lineage.overlap(List.of("covidx-cxr", "covid-chestxray-dataset"))))
                .isEqualTo("{\"independent\":false,\"pairs\":[{\"a\":\"covidx-cxr\",\"b\":\"covid-chestxray-dataset\","
                        + "\"shared\":[\"covid-chestxray-dataset\"],"
                        + "\"path\":[\"covidx-cxr\",\"IsDerivedFrom\",\"covid-chestxray-dataset\"]}]}");
        assertThat(onlyPair(lineage, "covid-chestxray-dataset", "covidx-cxr").path())
                .containsExactly("covid-chestxray-dataset", "IsSourceOf", "covidx-cxr");
    }

    @Test
    void entriesWithSharedAncestorsOverlapThroughTheNearestOnes() {
        // root -> mid -> a, mid -> b; root -> c; d only from elsewhere
        Lineage lineage = Lineage.of(List.of(entry("root"), entry("mid", "root"), entry("set-a", "mid"), entry("set-b", "mid"),
                entry("set-c", "root"), entry("other"), entry("set-d", "other")));
        OverlapPair ab = onlyPair(lineage, "set-a", "set-b");
        assertThat(ab.shared()).containsExactly("mid");
        assertThat(ab.path()).containsExactly("set-a", "IsDerivedFrom", "mid", "IsSourceOf", "set-b");
        OverlapPair ac = onlyPair(lineage, "set-a", "set-c");
        assertThat(ac.shared()).containsExactly("root");
        assertThat(ac.path()).containsExactly("set-a", "IsDerivedFrom", "mid", "IsDerivedFrom", "root", "IsSourceOf", "set-c");
        assertThat(lineage.overlap(List.of("set-a", "set-d")).independent()).isTrue();
        assertThat(lineage.overlap(List.of("set-a", "set-b", "set-c", "set-d")).pairs())
                .extracting(p -> p.a() + "+" + p.b()).containsExactly("set-a+set-b", "set-a+set-c", "set-b+set-c");
    }

    @Test
    void independentSourcesSharedSideBySideAreAllNamed() {
        Lineage lineage = Lineage.of(List.of(entry("sirm"), entry("eurorad"), entry("set-x", "sirm", "eurorad"),
                entry("set-y", "eurorad", "sirm")));
        assertThat(onlyPair(lineage, "set-x", "set-y").shared()).containsExactly("eurorad", "sirm");
    }

    @Test
    void twoThatOnlyFeedACommonThirdDoNotOverlap() {
        Lineage lineage = Lineage.of(List.of(entry("set-a"), entry("set-b"), entry("combined", "set-a", "set-b")));
        OverlapReport report = lineage.overlap(List.of("set-a", "set-b"));
        assertThat(report.independent()).isTrue();
        assertThat(report.pairs()).isEmpty();
        assertThat(lineage.overlap(List.of("set-a", "combined")).independent()).isFalse();
    }

    @Test
    void chainsOverlapAtAnyDepth() {
        List<Resource> chain = new ArrayList<>(List.of(entry("level-0")));
        for (int level = 1; level <= 7; level++) {
            chain.add(entry("level-" + level, "level-" + (level - 1)));
        }
        chain.add(entry("side-branch", "level-1"));
        Lineage lineage = Lineage.of(chain);
        OverlapPair deep = onlyPair(lineage, "level-7", "level-0");
        assertThat(deep.shared()).containsExactly("level-0");
        assertThat(deep.path()).hasSize(15).startsWith("level-7", "IsDerivedFrom", "level-6").endsWith("level-0");
        OverlapPair branches = onlyPair(lineage, "level-6", "side-branch");
        assertThat(branches.shared()).containsExactly("level-1");
        assertThat(branches.path()).hasSize(13).endsWith("level-1", "IsSourceOf", "side-branch");
        assertThat(lineage.ancestors("level-7").nodes()).hasSize(8);
        assertThat(lineage.descendants("level-0").nodes()).hasSize(9);
    }

    @Test
    void aCycleEndsEveryWalk() {
        // set-a -> set-b -> set-c -> set-a; set-x derived from set-c, set-y from set-a
        Lineage lineage = Lineage.of(List.of(entry("set-a", "set-b"), entry("set-b", "set-c"), entry("set-c", "set-a"),
                entry("set-x", "set-c"), entry("set-y", "set-a"), entry("set-z")));
        OverlapPair xy = onlyPair(lineage, "set-x", "set-y");
        assertThat(xy.shared()).containsExactlyInAnyOrder("set-a", "set-c");
        assertThat(xy.path()).startsWith("set-x", "IsDerivedFrom").endsWith("IsSourceOf", "set-y");
        assertThat(onlyPair(lineage, "set-a", "set-b").shared()).isNotEmpty();
        assertThat(lineage.ancestors("set-x").nodes()).extracting(LineageNode::id)
                .containsExactly("set-x", "set-c", "set-a", "set-b");
        assertThat(lineage.lineage("set-a").edges()).hasSize(5);
        assertThat(lineage.overlap(List.of("set-x", "set-z")).independent()).isTrue();
    }

    @Test
    void inverseRelationsStateTheSameEdgeFromTheSourcesSide() {
        Resource source = withRelations("source", url("source"), relation(RelationType.IS_SOURCE_OF, "derived"),
                relation(RelationType.HAS_PART, "part"));
        Lineage lineage = Lineage.of(List.of(source, bare("derived", url("derived")), bare("part", url("part"))));
        assertThat(onlyPair(lineage, "derived", "part").path())
                .containsExactly("derived", "IsDerivedFrom", "source", "HasPart", "part");
        assertThat(lineage.ancestors("part").edges()).containsExactly(new LineageEdge("part", RelationType.IS_PART_OF, "source"));

        Lineage statedTwice = Lineage.of(List.of(source, withRelations("derived", url("derived"), derivedFrom("source")),
                bare("part", url("part"))));
        assertThat(statedTwice.ancestors("derived").edges()).as("one edge, whichever side states it").hasSize(1);
    }

    @Test
    void identicalEntriesJoinBothWays() {
        Lineage lineage = Lineage.of(List.of(entry("mirror-a"),
                withRelations("mirror-b", url("mirror-b"), relation(RelationType.IS_IDENTICAL_TO, "mirror-a")),
                entry("from-a", "mirror-a"), entry("from-b", "mirror-b")));
        assertThat(onlyPair(lineage, "mirror-a", "mirror-b").path()).containsExactly("mirror-a", "IsIdenticalTo", "mirror-b");
        assertThat(onlyPair(lineage, "from-a", "from-b").path())
                .containsExactly("from-a", "IsDerivedFrom", "mirror-a", "IsIdenticalTo", "mirror-b", "IsSourceOf", "from-b");
    }

    @Test
    void relationsOfOtherKindsShareNoImages() {
        Lineage lineage = Lineage.of(List.of(entry("paper-data"), withRelations("set-x", url("set-x"),
                relation(RelationType.CITES, "paper-data"), relation(RelationType.IS_DOCUMENTED_BY, "paper-data"),
                relation(RelationType.IS_NEW_VERSION_OF, "paper-data"))));
        assertThat(lineage.overlap(List.of("set-x", "paper-data")).independent()).isTrue();
    }

    @Test
    void targetsGivenByAddressOrIdentifierResolveToTheEntryInAnySpelling() {
        Resource cohen = withIdentifiers("covid-chestxray-dataset", "https://github.com/ieee8023/covid-chestxray-dataset",
                new Identifier(IdentifierScheme.ARXIV, "2003.11597"));
        Resource zenodo = withIdentifiers("ct-seg", "https://zenodo.org/record/3757476",
                new Identifier(IdentifierScheme.DOI, "10.1002/mp.14676"));
        Lineage lineage = Lineage.of(List.of(cohen, zenodo,
                entry("by-repository-page", "https://www.github.com/IEEE8023/covid-chestxray-dataset/tree/master/images"),
                entry("by-arxiv-link", "https://arxiv.org/abs/2003.11597v3"),
                entry("by-zenodo-doi", "https://doi.org/10.5281/zenodo.3757476"),
                entry("by-paper-doi", "DOI: 10.1002/MP.14676"),
                entry("by-plain-address", "http://data.example.org/plain/"), entry("plain")));
        for (String derived : List.of("by-repository-page", "by-arxiv-link")) {
            assertThat(onlyPair(lineage, derived, "covid-chestxray-dataset").shared()).containsExactly("covid-chestxray-dataset");
        }
        for (String derived : List.of("by-zenodo-doi", "by-paper-doi")) {
            assertThat(onlyPair(lineage, derived, "ct-seg").shared()).containsExactly("ct-seg");
        }
        assertThat(onlyPair(lineage, "by-plain-address", "plain").path())
                .containsExactly("by-plain-address", "IsDerivedFrom", "plain");
    }

    @Test
    void aRelationFindsAnEntryThatArrivesLater() {
        Resource derived = entry("radiography", "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge");
        Resource other = entry("second-radiography", "https://www.kaggle.com/competitions/rsna-pneumonia-detection-challenge/data");
        Lineage before = Lineage.of(List.of(derived, other));
        OverlapPair throughOutsideSource = onlyPair(before, "radiography", "second-radiography");
        assertThat(throughOutsideSource.shared()).containsExactly("https://www.kaggle.com/c/rsna-pneumonia-detection-challenge");
        assertThat(before.ancestors("radiography").nodes()).extracting(LineageNode::external).containsExactly(false, true);

        Resource rsna = withIdentifiers("rsna-pneumonia", "https://www.rsna.org/rsnai/ai-image-challenge",
                new Identifier(IdentifierScheme.KAGGLE, "c/rsna-pneumonia-detection-challenge"));
        Lineage after = Lineage.of(List.of(derived, other, rsna));
        assertThat(onlyPair(after, "radiography", "rsna-pneumonia").path())
                .containsExactly("radiography", "IsDerivedFrom", "rsna-pneumonia");
        assertThat(onlyPair(after, "radiography", "second-radiography").shared()).containsExactly("rsna-pneumonia");
        assertThat(after.ancestors("radiography").nodes()).extracting(LineageNode::external).containsOnly(false);
    }

    @Test
    void viewsListNodesAndEdgesForDrawing() {
        Lineage lineage = Lineage.of(List.of(entry("root"), entry("mid", "root", "https://outside.example.org/set"),
                entry("leaf", "mid")));
        LineageView up = lineage.ancestors("leaf");
        assertThat(up.nodes()).containsExactly(new LineageNode("leaf", false), new LineageNode("mid", false),
                new LineageNode("root", false), new LineageNode("https://outside.example.org/set", true));
        assertThat(up.edges()).containsExactly(new LineageEdge("leaf", RelationType.IS_DERIVED_FROM, "mid"),
                new LineageEdge("mid", RelationType.IS_DERIVED_FROM, "root"),
                new LineageEdge("mid", RelationType.IS_DERIVED_FROM, "https://outside.example.org/set"));
        assertThat(lineage.descendants("root").nodes()).extracting(LineageNode::id).containsExactly("root", "mid", "leaf");
        assertThat(lineage.lineage("mid").nodes()).extracting(LineageNode::id)
                .containsExactly("mid", "root", "https://outside.example.org/set", "leaf");
        assertThat(lineage.contains("https://outside.example.org/set")).isFalse();
        assertThatThrownBy(() -> lineage.overlap(List.of("leaf", "nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not in the catalog: nowhere");
    }

    @Test
    void theSeedShowsTheLineageItsSourcesState() {
        Lineage lineage = Lineage.of(SeedCatalog.load().stream().map(SeedEntry::resource).toList());

        assertThat(lineage.ancestors("covid-chestxray-dataset").edges()).extracting(LineageEdge::to).containsExactly(
                "sirm-covid-19-database", "radiopaedia-covid-19", "eurorad", "coronacases",
                "https://github.com/ml-workgroup/covid-19-image-repository");
        assertThat(directDescendants(lineage, "sirm-covid-19-database"))
                .containsExactlyInAnyOrder("covid-chestxray-dataset", "covid-19-radiography-database", "medseg-covid-19");
        assertThat(directDescendants(lineage, "radiopaedia-covid-19")).containsExactlyInAnyOrder("covid-chestxray-dataset",
                "covid19-lung-ultrasound", "medseg-covid-19", "covid-19-ct-lung-infection-segmentation");
        assertThat(directDescendants(lineage, "eurorad"))
                .containsExactlyInAnyOrder("covid-chestxray-dataset", "covid-19-radiography-database");

        OverlapPair radiography = onlyPair(lineage, "covid-19-radiography-database", "covid-chestxray-dataset");
        assertThat(radiography.shared()).containsExactly("covid-chestxray-dataset");
        assertThat(radiography.path()).containsExactly("covid-19-radiography-database", "IsDerivedFrom", "covid-chestxray-dataset");
        assertThat(onlyPair(lineage, "medseg-covid-19", "covid-19-ct-lung-infection-segmentation").path())
                .containsExactly("medseg-covid-19", "IsDerivedFrom", "radiopaedia-covid-19", "IsSourceOf",
                        "covid-19-ct-lung-infection-segmentation");
        assertThat(lineage.overlap(List.of("cord-19", "covid-ct", "bsti-covid-19-imaging-database",
                "figure1-covid-chestxray", "covid-chestxray-dataset")).independent()).isTrue();
    }

    private static List<String> directDescendants(Lineage lineage, String id) {
        return lineage.descendants(id).edges().stream().filter(e -> e.to().equals(id)).map(LineageEdge::from).toList();
    }
}
