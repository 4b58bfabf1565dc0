package org.imagingcatalog.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MachinePathsTest {

    @Test
    void theApiIsForMachinesByDefault() {
        MachinePaths paths = new MachinePaths(List.of("/api/"));
        assertThat(paths.matches("/api/v1/queue")).isTrue();
        assertThat(paths.matches("/apiary")).isFalse();
        assertThat(paths.matches("/review/1")).isFalse();
        assertThat(paths.matches(null)).isFalse();
    }

    @Test
    void aServiceNamesItsOtherMachinePaths() {
        MachinePaths paths = new MachinePaths(List.of("/api/", "/export/", "/feed"));
        assertThat(paths.matches("/export/catalog.csv")).isTrue();
        assertThat(paths.matches("/feed.atom")).isTrue();
        assertThat(paths.matches("/about")).isFalse();
    }
}
