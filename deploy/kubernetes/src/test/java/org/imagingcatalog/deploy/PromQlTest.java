package org.imagingcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagingcatalog.deploy.monitoring.PromQl;
import org.junit.jupiter.api.Test;

/** The metric names read out of PromQL are exactly those a scrape must contain, nothing else. */
class PromQlTest {

    @Test
    void labelsStringsRangesFunctionsAndGrafanaVariablesAreNotMetrics() {
        assertThat(PromQl.metricNames("sum by (service) (rate(http_server_requests_seconds_count{namespace=\"$namespace\", "
                + "status=~\"5..\"}[$__rate_interval])) / sum by (service) (rate(http_server_requests_seconds_count[5m])) > 0.05"))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void histogramsKeepTheirSampleSuffix() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) "
                + "(rate(catalog_curation_time_to_decision_seconds_bucket{namespace=\"x\"}[1d])))"))
                .containsExactly("catalog_curation_time_to_decision_seconds_bucket");
    }

    @Test
    void bothSidesOfASetOperationAndNumbersWithUnits() {
        assertThat(PromQl.metricNames("max by (namespace) (catalog_a_seconds) > 3 * 86400 and on (namespace) "
                + "time() - max by (namespace) (catalog_b_timestamp_seconds offset 5m) > 1e3 unless catalog_c"))
                .containsExactly("catalog_a_seconds", "catalog_b_timestamp_seconds", "catalog_c");
    }

    @Test
    void aMisspelledMetricIsReportedAsItIsWritten() {
        assertThat(PromQl.metricNames("max(catalog_outbox_pending_mesages)")).containsExactly("catalog_outbox_pending_mesages");
    }
}
