package org.imagingcatalog.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class UnstorableEventTest {

    @Test
    void aDataExceptionAnywhereInTheChainIsUnstorable() {
        SQLException tooLong = new SQLException("value too long for type character varying(200)", "22001");
        assertThat(UnstorableEvent.isCause(new RuntimeException("rolled back", new IllegalStateException(tooLong)))).isTrue();
        SQLException batch = new SQLException("batch entry 0 failed", "08006");
        batch.setNextException(new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021"));
        assertThat(UnstorableEvent.isCause(batch)).isTrue();
    }

    @Test
    void aDatabaseThatIsAwayOrBusyIsWorthARetry() {
        assertThat(UnstorableEvent.isCause(new RuntimeException(new SQLException("connection refused", "08001")))).isFalse();
        assertThat(UnstorableEvent.isCause(new SQLException("could not serialize access", "40001"))).isFalse();
        assertThat(UnstorableEvent.isCause(new RuntimeException("no SQL at all"))).isFalse();
        assertThat(UnstorableEvent.isCause(new SQLException("no state"))).isFalse();
    }
}
