package org.imagingcatalog.model.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.releases.ReleaseDiff.Pair;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.junit.jupiter.api.Test;

class ReleaseDiffTest {

    private final Resource a = SeedCatalog.load().get(0).resource();
    private final Resource b = SeedCatalog.load().get(1).resource();
    private final Resource c = SeedCatalog.load().get(2).resource();
    private final Resource d = SeedCatalog.load().get(3).resource();

    private static Resource at(Resource r, int version, ResourceStatus status) {
        return r.withVersion(version, status);
    }

    private static Resource renamed(Resource r, String name) {
        com.fasterxml.jackson.databind.node.ObjectNode json = EventJson.mapper().valueToTree(r);
        json.put("name", name);
        return EventJson.mapper().convertValue(json, Resource.class);
    }

    @Test
    void addEditWithdrawAndRestoreEachLandInTheirOwnList() {
        Resource edited = renamed(at(a, 2, ResourceStatus.ACTIVE), a.name() + " (revised)");
        ReleaseDiff diff = ReleaseDiff.of("2026.1", "2026.2", List.of(
                new Pair(null, at(b, 1, ResourceStatus.ACTIVE)),
                new Pair(at(a, 1, ResourceStatus.ACTIVE), edited),
                new Pair(at(c, 1, ResourceStatus.ACTIVE), at(c, 2, ResourceStatus.WITHDRAWN)),
                new Pair(at(d, 2, ResourceStatus.WITHDRAWN), at(d, 3, ResourceStatus.ACTIVE))));

        assertThat(diff.added()).extracting(ReleaseDiff.Listed::id).containsExactly(b.id());
        assertThat(diff.withdrawn()).containsExactly(new ReleaseDiff.Listed(c.id(), c.name(), 1));
        assertThat(diff.restored()).containsExactly(new ReleaseDiff.Listed(d.id(), d.name(), 3));
        assertThat(diff.changed()).singleElement().satisfies(changed -> {
            assertThat(changed.id()).isEqualTo(a.id());
            assertThat(changed.fromVersion()).isEqualTo(1);
            assertThat(changed.toVersion()).isEqualTo(2);
            assertThat(changed.changes()).containsExactly(new FieldChange("name", a.name(), a.name() + " (revised)"));
        });
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void aNewVersionWithTheSameContentOrAnEntryWithdrawnInBothIsNoChange() {
        ReleaseDiff diff = ReleaseDiff.of("2026.1", "2026.2", List.of(
                new Pair(at(a, 1, ResourceStatus.ACTIVE), at(a, 3, ResourceStatus.ACTIVE)),
                new Pair(at(b, 2, ResourceStatus.WITHDRAWN), renamed(at(b, 3, ResourceStatus.WITHDRAWN), "renamed"))));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void anEntryAddedAlreadyWithdrawnIsNotNews() {
        assertThat(ReleaseDiff.of(null, "2026.1", List.of(new Pair(null, at(a, 2, ResourceStatus.WITHDRAWN)))).isEmpty())
                .isTrue();
    }

    @Test
    void namesThatWorkInPathsCitationsAndKeys() {
        assertThat(List.of("2026.1", "v2.0", "2026-12_survey", "A")).allMatch(ReleaseNames::isValid);
        assertThat(java.util.Arrays.asList("", " 2026", ".hidden", "a/b", "a b", "x".repeat(41), null, "é"))
                .noneMatch(ReleaseNames::isValid);
    }
}
