package com.followthrough.outreach;

import com.followthrough.cases.Directory;
import com.followthrough.cases.Text;
import com.followthrough.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * What supervisors do with an outreach: describe it, attach its customers (checked row by row; nothing starts), launch
 * it once they have seen the preview, pause, resume or withdraw it, and resolve its shared hand-off. Each change is
 * one transaction that also tells the outreach's process ({@link OutreachFlow}); the process does the many cases'
 * work in batches.
 */
@Service
@Validated
@Transactional
public class OutreachService {

    private final Outreaches outreaches;
    private final OutreachCustomers customers;
    private final CustomerRows rows;
    private final OutreachFlow flow;
    private final Directory directory;
    private final Clock clock;

    OutreachService(Outreaches outreaches, OutreachCustomers customers, CustomerRows rows, OutreachFlow flow,
            Directory directory, Clock clock) {
        this.outreaches = outreaches;
        this.customers = customers;
        this.rows = rows;
        this.flow = flow;
        this.directory = directory;
        this.clock = clock;
    }

    /** What an upload did: the rows kept, the rows refused (with the reason) and the outreach's customers now. */
    public record Preview(String outreach, int upload, int accepted, List<CustomerRows.Rejected> rejected,
            int customers) {
    }

    public Outreach create(@NotNull @Valid NewOutreach given, @NotNull Caller me) {
        requireSupervisor(me, "create an outreach");
        if (!directory.isTeam(given.team().strip()) && !given.team().strip().equals(Caller.AGENTS)) {
            throw OutreachException.invalid("team", "no team '" + given.team().strip() + "' exists")
                    .words("outreach.error.noTeam", given.team().strip());
        }
        if (directory.membersOf(given.team().strip()).stream().noneMatch(directory::isAgent)) {
            throw OutreachException.invalid("team", "no agent is a member of '" + given.team().strip()
                    + "': the cases need owners").words("outreach.error.noAgent", given.team().strip());
        }
        if (given.sharedHandOff() != null && !directory.isTeam(given.sharedHandOff().team().strip())) {
            throw OutreachException.invalid("sharedHandOff.team", "no team '" + given.sharedHandOff().team().strip()
                    + "' exists").words("outreach.error.noTeam", given.sharedHandOff().team().strip());
        }
        return outreaches.add(given, me.id());
    }

    /** A CSV upload: good rows attached, bad and duplicate rows listed; only a draft takes customers. */
    public Preview attachCsv(@NotBlank String key, byte[] csv, @NotNull Caller me) {
        Outreach outreach = draft(key, me, "attach customers to");
        return attach(outreach, rows.csv(csv, customers.keys(outreach.id())));
    }

    public Preview attachJson(@NotBlank String key, @NotNull List<CustomerRows.Given> given, @NotNull Caller me) {
        Outreach outreach = draft(key, me, "attach customers to");
        return attach(outreach, rows.json(given, customers.keys(outreach.id())));
    }

    /** The last upload's refused rows (for the preview and its download). */
    @Transactional(readOnly = true)
    public Preview preview(@NotBlank String key, @NotNull Caller me) {
        requireSupervisor(me, "see the customers of");
        Outreach outreach = outreaches.load(key);
        int upload = customers.lastUpload(outreach.id());
        List<CustomerRows.Rejected> rejected = customers.rejected(outreach.id(), upload);
        int count = customers.count(outreach.id());
        return new Preview(key, upload, -1, rejected, count);
    }

    /** After the supervisor confirmed the preview: the process starts the cases in batches; this returns at once. */
    public Outreach launch(@NotBlank String key, @NotNull Caller me) {
        Outreach outreach = draft(key, me, "launch");
        if (customers.count(outreach.id()) == 0) {
            throw OutreachException.state("Outreach " + key + " has no customers yet: attach them first")
                    .words("outreach.error.noCustomers", key);
        }
        outreaches.update(outreach, "status = 'LAUNCHED', launched_by = :by, launched_at = :at",
                Map.of("by", me.id(), "at", Outreaches.utc(clock.instant())));
        flow.launched(key);
        return outreaches.load(key);
    }

    public Outreach pause(@NotBlank String key, @NotNull Caller me) {
        Outreach outreach = launched(key, me, "pause");
        if (outreach.paused()) {
            throw OutreachException.state("Outreach " + key + " is already paused").words("outreach.error.paused", key);
        }
        outreaches.update(outreach, "paused_at = :at", Map.of("at", Outreaches.utc(clock.instant())));
        return outreaches.load(key);
    }

    public Outreach resume(@NotBlank String key, @NotNull Caller me) {
        Outreach outreach = launched(key, me, "resume");
        if (!outreach.paused()) {
            throw OutreachException.state("Outreach " + key + " is not paused").words("outreach.error.notPaused", key);
        }
        outreaches.update(outreach, "paused_at = null", Map.of());
        flow.resumed(key);
        return outreaches.load(key);
    }

    /** No more cases start; those nobody has contacted close as withdrawn (with the reason); the others go on. */
    public Outreach withdraw(@NotBlank String key, @NotBlank @Text(max = 2_000) String reason, @NotNull Caller me) {
        Outreach outreach = launched(key, me, "withdraw");
        Instant now = clock.instant();
        outreaches.update(outreach, "status = 'WITHDRAWN', withdrawn_by = :by, withdrawn_at = :at, "
                + "withdraw_reason = :reason", Map.of("by", me.id(), "at", Outreaches.utc(now), "reason",
                reason.strip()));
        flow.withdrawn(key);
        return outreaches.load(key);
    }

    /**
     * The team did the one fix for everyone: resolved on every case that joined the shared hand-off (in batches, each
     * case's timeline naming who and when), and on every case that joins it later. Team members and supervisors.
     */
    public Outreach resolveSharedHandOff(@NotBlank String key, @NotBlank @Text(max = 4_000) String resolution,
            @NotNull Caller me) {
        Outreach outreach = outreaches.load(key);
        if (outreach.shared() == null) {
            throw OutreachException.state("Outreach " + key + " has no shared hand-off")
                    .words("outreach.error.noSharedHandOff", key);
        }
        if (!me.isSupervisor() && !me.isAdmin() && !me.isMemberOf(outreach.shared().team())) {
            throw OutreachException.forbidden("Only members of " + outreach.shared().team()
                    + " (or supervisors) resolve the shared hand-off of " + key)
                    .words("outreach.error.sharedHandOffTeam", outreach.shared().team(), key);
        }
        if (outreach.shared().isResolved()) {
            throw OutreachException.state("The shared hand-off of " + key + " was resolved already, by "
                    + outreach.shared().resolvedBy() + " at " + outreach.shared().resolvedAt())
                    .words("outreach.error.sharedHandOffResolved", key, outreach.shared().resolvedBy());
        }
        if (outreach.status() == OutreachStatus.DRAFT) {
            throw OutreachException.state("Outreach " + key + " is not launched yet")
                    .words("outreach.error.notLaunched", key);
        }
        outreaches.update(outreach, "remedy_resolution = :resolution, remedy_resolved_by = :by, "
                + "remedy_resolved_at = :at", Map.of("resolution", resolution.strip(), "by", me.id(), "at",
                Outreaches.utc(clock.instant())));
        if (outreach.status() == OutreachStatus.LAUNCHED) {
            flow.sharedHandOffResolved(key);
        }
        return outreaches.load(key);
    }

    @Transactional(readOnly = true)
    public Outreach get(@NotBlank String key, @NotNull Caller me) {
        Outreach outreach = outreaches.load(key);
        if (!me.isSupervisor() && !me.isAdmin()
                && !(outreach.shared() != null && me.isMemberOf(outreach.shared().team()))) {
            throw OutreachException.forbidden("Only supervisors (and the shared hand-off's team) see outreaches")
                    .words("outreach.error.see");
        }
        return outreach;
    }

    @Transactional(readOnly = true)
    public List<Outreach> all(@NotNull Caller me) {
        requireSupervisor(me, "list");
        return outreaches.all();
    }

    private Preview attach(Outreach outreach, CustomerRows.Read read) {
        int upload = customers.lastUpload(outreach.id()) + 1;
        customers.add(outreach.id(), read.accepted());
        customers.reject(outreach.id(), upload, read.rejected());
        outreaches.customersAdded(outreach.id(), read.accepted().size());
        outreaches.uploaded(outreach.id(), upload);
        return new Preview(outreach.key(), upload, read.accepted().size(), read.rejected(),
                customers.count(outreach.id()));
    }

    private Outreach draft(String key, Caller me, String action) {
        requireSupervisor(me, action);
        Outreach outreach = outreaches.load(key);
        if (!outreach.isDraft()) {
            throw OutreachException.state("Outreach " + key + " is " + outreach.status().name().toLowerCase()
                    + "; only a draft can " + (action.equals("launch") ? "be launched" : "take customers"))
                    .words("outreach.error.notDraft", key, statusWords(outreach.status()));
        }
        return outreach;
    }

    private Outreach launched(String key, Caller me, String action) {
        requireSupervisor(me, action);
        Outreach outreach = outreaches.load(key);
        if (outreach.status() != OutreachStatus.LAUNCHED) {
            throw OutreachException.state("Only a launched outreach can be " + action
                    + (action.endsWith("e") ? "d" : "ed") + "; " + key + " is " + outreach.status().name()
                    .toLowerCase()).words("outreach.error.notLaunchedFor", key,
                    statusWords(outreach.status()));
        }
        return outreach;
    }

    /** The status in the reader's words, as an argument of a page's sentence. */
    private static MessageSourceResolvable statusWords(OutreachStatus status) {
        return new DefaultMessageSourceResolvable("label.OutreachStatus." + status.name());
    }

    static void requireSupervisor(Caller me, String action) {
        if (!me.isSupervisor() && !me.isAdmin()) {
            throw OutreachException.forbidden("Only supervisors " + action + " outreaches")
                    .words("outreach.error.supervisorsOnly");
        }
    }
}
