package org.imagingcatalog.curation.linkhealth;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.imagingcatalog.curation.linkhealth.LinkHealthStore.ProposalUrl;
import org.imagingcatalog.curation.linkhealth.LinkResult.Outcome;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The address of each new proposal (and of a correction that changes it), checked once after the proposal was stored:
 * a sweep over the queue, so neither the contributor nor the intake ever waits for a remote server. The result becomes
 * the queue item's {@code URL_UNREACHABLE} finding ({@link ProposalLinkFindings}).
 */
@ApplicationScoped
public class ProposalLinkCheck {

    private static final int BATCH = 50;

    /** The advisory lock of a sweep ("proposal"), so one replica asks each address. */
    private static final long SWEEP_LOCK = 0x70726f706f73616cL;

    private final LinkHealthStore store;
    private final LinkCheckJob job;
    private final DataSource dataSource;

    public ProposalLinkCheck(LinkHealthStore store, LinkCheckJob job, DataSource dataSource) {
        this.store = store;
        this.job = job;
        this.dataSource = dataSource;
    }

    @Scheduled(identity = "proposal-link-check", every = "${catalog.linkcheck.proposals-every:30s}",
            delayed = "${catalog.linkcheck.proposals-every:30s}", skipExecutionIf = LinkCheckJob.Off.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        OneReplica.run(dataSource, SWEEP_LOCK, this::checkDue);
    }

    private void checkDue() {
        List<ProposalUrl> due = store.uncheckedProposals(BATCH);
        if (due.isEmpty()) {
            return;
        }
        Map<LinkTarget, ProposalUrl> targets = due.stream().collect(Collectors.toMap(
                p -> LinkTarget.fresh(null, p.url(), "proposal " + p.submissionId() + " revision " + p.revision()), p -> p));
        job.checker().checkAll(List.copyOf(targets.keySet()), result -> {
            if (result.outcome() != Outcome.DEFERRED) { // a host in back-off: asked again at a later sweep
                store.recordProposal(targets.get(result.target()), result);
            }
        });
    }
}
