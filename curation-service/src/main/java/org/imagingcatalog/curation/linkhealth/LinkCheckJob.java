package org.imagingcatalog.curation.linkhealth;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.curation.linkhealth.LinkResult.Outcome;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

/**
 * The scheduled link check: every address of every active entry, then each result stored (and published) as it
 * comes. Does nothing at all unless {@code catalog.linkcheck.enabled=true}: the scheduler skips it, and the HTTP
 * client is only built at the first run.
 */
@ApplicationScoped
public class LinkCheckJob {

    private static final Logger LOG = Logger.getLogger(LinkCheckJob.class);

    /** The advisory lock of a run ("linkchck"), so one replica checks at a time. */
    static final long RUN_LOCK = 0x6c696e6b6368636bL;

    private final LinkCheckConfig config;
    private final LinkHealthStore store;
    private final DataSource dataSource;
    private LinkChecker checker;

    public LinkCheckJob(LinkCheckConfig config, LinkHealthStore store, DataSource dataSource) {
        this.config = config;
        this.store = store;
        this.dataSource = dataSource;
    }

    /** Skips every scheduled run while link checking is off. */
    @Singleton
    public static class Off implements Scheduled.SkipPredicate {

        private final LinkCheckConfig config;

        public Off(LinkCheckConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }

    @Scheduled(identity = "link-check", every = "${catalog.linkcheck.every:24h}",
            delayed = "${catalog.linkcheck.first-after:10m}", skipExecutionIf = Off.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runNow();
    }

    /**
     * One run over every address, now; how many results of each kind came (none while checking is off, or while
     * another replica runs).
     */
    public synchronized Map<Outcome, Integer> runNow() {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        if (config.enabled()) {
            OneReplica.run(dataSource, RUN_LOCK, () -> checkEverything(outcomes));
        }
        return outcomes;
    }

    private void checkEverything(Map<Outcome, Integer> outcomes) {
        List<LinkTarget> targets = store.targets(config.doiResolver());
        long started = System.nanoTime();
        checker().checkAll(targets, result -> {
            outcomes.merge(result.outcome(), 1, Integer::sum);
            if (result.outcome() != Outcome.DEFERRED) {
                try {
                    store.record(result);
                } catch (RuntimeException e) {
                    // the entry may have gone meanwhile; the next run checks what is there then
                    LOG.warnf("link check of %s (%s) not stored: %s", result.target().url(), result.target().resourceId(), e.toString());
                }
            }
        });
        LOG.infof("link check: %d addresses in %d ms: %s", targets.size(), (System.nanoTime() - started) / 1_000_000, outcomes);
    }

    /** The checker, built at the first run and kept (a failing host's back-off and each host's robots.txt live in it). */
    synchronized LinkChecker checker() {
        if (checker == null) {
            checker = new LinkChecker(config.settings(), Clock.systemUTC());
        }
        return checker;
    }
}
