package com.followthrough.dashboard;

import com.followthrough.cases.CaseStatus;
import com.followthrough.dashboard.Figures.AgeBucket;
import com.followthrough.dashboard.Figures.Count;
import com.followthrough.dashboard.Figures.Now;
import com.followthrough.dashboard.Figures.OwnerLoad;
import com.followthrough.dashboard.Figures.Stage;
import com.followthrough.dashboard.Figures.TeamLoad;
import com.followthrough.dashboard.OpenCaseCounts.Counts;
import com.followthrough.dashboard.OpenCaseCounts.Oldest;
import com.followthrough.dashboard.OpenCaseCounts.Tally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "now" figures ({@link OpenFigure}): open cases by stage, the tiles, load per owner and team with the oldest
 * case, aging buckets; each with the link to its list. Counted by {@link OpenCaseCounts}; this class only adds up its
 * tallies and words them.
 */
@Service
class NowFigures {

    private static final Map<CaseStatus, String> STAGE_LABELS = Map.of(
            CaseStatus.WITH_OWNER, "with owner",
            CaseStatus.HANDED_OFF, "with colleague or team",
            CaseStatus.QUESTION_FOR_OWNER, "question for the owner",
            CaseStatus.AWAITING_VERIFICATION, "awaiting verification",
            CaseStatus.AWAITING_CALLBACK, "awaiting callback",
            CaseStatus.CALLBACK_RETRY_PENDING, "callback retrying");

    private final OpenCaseCounts counts;
    private final Clock clock;
    private final Ages ages;
    private final DashboardWords words;

    NowFigures(OpenCaseCounts counts, Clock clock, Ages ages, DashboardWords words) {
        this.counts = counts;
        this.clock = clock;
        this.ages = ages;
        this.words = words;
    }

    /**
     * One snapshot (repeatable read) for the counts and the oldest cases, so an owner counted is an owner with an
     * oldest case even while cases close.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Now now(Scope scope) {
        Instant now = clock.instant();
        Counts counted = counts.counts(scope, now);
        List<Tally> tallies = counted.tallies();
        Map<OpenFigure, Count> figures = new EnumMap<>(OpenFigure.class);
        for (OpenFigure figure : OpenFigure.shown()) {
            figures.put(figure, new Count(counted.count(figure), Links.cases(figure, scope, null)));
        }
        return new Now(now, ages.basis().name().toLowerCase(), ages.label(), figures, stages(tallies, scope),
                owners(tallies, scope, now), teams(tallies, scope, now), aging(counted.aged(), scope));
    }

    private List<Stage> stages(List<Tally> tallies, Scope scope) {
        Map<CaseStatus, Long> byStage = new EnumMap<>(CaseStatus.class);
        tallies.forEach(tally -> byStage.merge(tally.stage(), tally.cases(), Long::sum));
        return OpenFigure.STAGES.stream().map(stage -> new Stage(stage, words.stage(stage, STAGE_LABELS.get(stage)),
                byStage.getOrDefault(stage, 0L), Links.cases(OpenFigure.OPEN, scope, Links.param("stage",
                        stage.name())))).toList();
    }

    private List<OwnerLoad> owners(List<Tally> tallies, Scope scope, Instant now) {
        Map<String, Long> byOwner = new TreeMap<>();
        Map<String, Instant> first = new HashMap<>();
        for (Tally tally : tallies) {
            byOwner.merge(tally.owner(), tally.cases(), Long::sum);
            first.merge(tally.owner(), tally.firstOpened(), NowFigures::earlier);
        }
        Map<String, Oldest> oldest = counts.oldestPerOwner(scope, now, first);
        return byOwner.entrySet().stream().map(entry -> {
            Oldest oldestCase = oldest.get(entry.getKey());
            Duration age = ages.between(oldestCase.since(), now);
            return new OwnerLoad(entry.getKey(), entry.getValue(), oldestCase.number(), oldestCase.since(),
                    age.toSeconds(), words.duration(age, ages.basis()), Links.cases(OpenFigure.OPEN,
                            scope.owner() == null ? scope.withOwner(entry.getKey()) : scope, null));
        }).sorted(Comparator.comparing(OwnerLoad::openCases).reversed().thenComparing(OwnerLoad::owner)).toList();
    }

    private List<TeamLoad> teams(List<Tally> tallies, Scope scope, Instant now) {
        Map<String, Long> byTeam = new TreeMap<>();
        Map<String, Instant> first = new HashMap<>();
        for (Tally tally : tallies) {
            if (tally.team() != null) {
                byTeam.merge(tally.team(), tally.cases(), Long::sum);
                first.merge(tally.team(), tally.firstHandedOff(), NowFigures::earlier);
            }
        }
        Map<String, Oldest> oldest = counts.oldestPerTeam(scope, now, first);
        return byTeam.entrySet().stream().map(entry -> {
            Oldest oldestCase = oldest.get(entry.getKey());
            Duration age = ages.between(oldestCase.since(), now);
            return new TeamLoad(entry.getKey(), entry.getValue(), oldestCase.number(), oldestCase.since(),
                    age.toSeconds(), words.duration(age, ages.basis()), Links.cases(OpenFigure.WITH_TEAM, scope,
                            Links.param("handedOffTo", entry.getKey())));
        }).sorted(Comparator.comparing(TeamLoad::openHandOffs).reversed().thenComparing(TeamLoad::team)).toList();
    }

    private List<AgeBucket> aging(Map<Ages.Bucket, Long> buckets, Scope scope) {
        return Arrays.stream(Ages.Bucket.values()).map(bucket -> new AgeBucket(bucket.name(), words.bucket(bucket),
                buckets.getOrDefault(bucket, 0L), Links.cases(OpenFigure.AGED, scope,
                        Links.param("bucket", bucket.name())))).toList();
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }
}
