package com.followthrough.outreach;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.EngineTime;
import com.followthrough.cases.ContactReport;
import com.followthrough.cases.OutreachCases;
import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import com.followthrough.stories.Digests;
import com.followthrough.stories.WeeklyDigest.OutreachProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weekly digest tells the progress of the launched outreaches: every one to a supervisor, to others those whose
 * cases they or a teammate own; the figures are the outreach's own, counted by hand here.
 */
@CaseIntegrationTest
class DigestOutreachIntegrationTests {

    static final Caller SUPERVISOR = new Caller(SAM, Set.of("supervisors", "agents"));

    @Autowired
    OutreachService outreaches;
    @Autowired
    OutreachFigures figures;
    @Autowired
    OutreachCases outreachCases;
    @Autowired
    Digests digests;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineTime time;

    @AfterEach
    void resetClock() {
        time.reset();
    }

    @Test
    void theDigestTellsAnOutreachsProgress_toSupervisorsAndTheOwners_notToOthers() {
        time.freezeAt(Instant.parse("2026-05-19T08:00:00Z")); // its own day: the daily cap is not another test's
        String title = "Recalled kettle lids " + System.nanoTime();
        Outreach outreach = outreaches.create(new NewOutreach(title, "Lids crack when hot", "We send new lids",
                "Please stop using the lid", "agents", Priority.NORMAL, false, null), SUPERVISOR);
        String prefix = outreach.key().toLowerCase();
        outreaches.attachJson(outreach.key(), IntStream.rangeClosed(1, 4)
                .mapToObj(i -> new CustomerRows.Given("Customer " + i, prefix + "-" + i + "@example.com", null, null,
                        null, Map.of()))
                .toList(), SUPERVISOR);
        outreaches.launch(outreach.key(), SUPERVISOR);
        for (int batch = 0; batch < 10 && started(outreach) < 4; batch++) {
            String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(outreach.key())
                    .singleResult().getId();
            management.createJobQuery().processInstanceId(process).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(started(outreach)).isEqualTo(4);
        // One customer reached and settled on the spot: contacted 1, confirmed 1, open 3, of 4.
        OutreachFigures.Line first = figures.lines(outreach.key(), Figure.STARTED, SUPERVISOR).get(0);
        outreachCases.contact(first.caseNumber(), first.owner(), new ContactReport(true, "All fine now",
                ContactReport.Next.RESOLVED, "New lid sent", null, null));
        OutreachProgress expected = new OutreachProgress(title, 4, 1, 1, 0, 3);

        assertThat(ofTitle(SAM, title)).containsExactly(expected);
        assertThat(ofTitle(first.owner(), title)).containsExactly(expected);
        // Paul (accounting) owns none of its cases and no teammate of his does.
        assertThat(ofTitle(PAUL, title)).isEmpty();
        assertThat(first.owner()).isIn(ALICE, "bob", SAM);
    }

    private int started(Outreach outreach) {
        return figures.of(outreach.key(), SUPERVISOR).counts().get(Figure.STARTED);
    }

    private List<OutreachProgress> ofTitle(String person, String title) {
        return digests.preview(person).digest().outreaches().stream().filter(o -> o.title().equals(title)).toList();
    }
}
