package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.Figures.Count;
import com.followthrough.dashboard.Figures.Now;
import com.followthrough.dashboard.ListRequest.Refinement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The figures as a newcomer adds one: every figure has an id of its own, a label and a list whose SQL binds what it
 * uses; every "now" figure with a tile is in the answer under the tile's name and on the page, and every tile on the
 * page is a figure; no query spells a stored constant by hand.
 */
class FiguresTests {

    static final Instant NOW = Instant.parse("2026-06-19T12:00:00Z");
    static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");

    /** Every refinement a request can bring, one at a time, and none. */
    static final List<Refinement> REFINEMENTS = List.of(Refinement.NONE,
            new Refinement(CaseStatus.AWAITING_CALLBACK, null, null, null, List.of(), null, null),
            new Refinement(null, Ages.Bucket.DAYS_1_TO_3, null, null, List.of(), null, null),
            new Refinement(null, Ages.Bucket.UNDER_1_DAY, null, null, List.of(), null, null),
            new Refinement(null, Ages.Bucket.OVER_A_WEEK, null, null, List.of(), null, null),
            new Refinement(null, null, "billing", null, List.of(), null, null),
            new Refinement(null, null, null, LocalDate.of(2026, 6, 19), List.of(), null, null),
            new Refinement(null, null, null, null, List.of(ClosedAs.UNREACHABLE, ClosedAs.CONFIRMED_BY_CALLBACK), null,
                    null),
            new Refinement(null, null, null, null, List.of(), "billing", "billing"),
            new Refinement(null, null, null, null, List.of(), Wording.COLLEAGUES, Wording.COLLEAGUES),
            new Refinement(null, null, null, null, List.of(), OwnerEscalation.CASES_NOT_WORKED.row, null));

    /**
     * The open cases' rows name the open stages as constants, not as a bound list: PostgreSQL can only use the open
     * cases' partial index in a plan made once for every request when the statement itself implies the index's
     * condition (issue 20: otherwise each "now" statement is planned again on every request).
     */
    @Test
    void theOpenCasesAreNamedByConstantStages() {
        assertThat(PARAMETER.matcher(OpenFigure.CASES).find()).isFalse();
        for (CaseStatus stage : CaseStatus.values()) {
            assertThat(OpenFigure.CASES.contains("'" + stage.name() + "'")).isEqualTo(stage.isOpen());
        }
    }

    @Test
    void everyFigureHasAnIdOfItsOwnAndALabel() {
        List<String> ids = Figure.ids();
        assertThat(ids).doesNotHaveDuplicates().hasSize(OpenFigure.values().length + PeriodFigure.values().length);
        for (Figure figure : Figure.all()) {
            assertThat(figure.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(figure.label()).as(figure.id()).isNotBlank();
            assertThat(Figure.byId(figure.id())).contains(figure);
        }
        assertThat(Figure.byId("everything")).isEmpty();
    }

    @Test
    void everyFigureHasAListWhoseConditionBindsWhatItUses() {
        for (Figure figure : Figure.all()) {
            for (Refinement refinement : REFINEMENTS) {
                Criteria criteria = figure instanceof OpenFigure
                        ? Criteria.open(NOW, refinement, bucket -> new Ages.Range(
                                bucket == Ages.Bucket.OVER_A_WEEK ? null : NOW.minus(Duration.ofDays(3)),
                                bucket == Ages.Bucket.UNDER_1_DAY ? null : NOW.minus(Duration.ofDays(1))))
                        : Criteria.period(NOW.minus(Duration.ofDays(7)), NOW, refinement);
                String condition = figure.condition(criteria);
                assertThat(condition).as(figure.id() + " " + refinement).isNotNull();
                Matcher used = PARAMETER.matcher(condition);
                while (used.find()) {
                    assertThat(criteria.params()).as(figure.id() + " binds :" + used.group(1) + " in " + condition)
                            .containsKey(used.group(1));
                }
            }
        }
    }

    @Test
    void everyTiledFigureHasItsTileOnThePage_andEveryTileIsAFigure() throws IOException {
        Set<String> tiles = new HashSet<>();
        Arrays.stream(OpenFigure.values()).filter(figure -> figure.tile() != null)
                .forEach(figure -> tiles.add("now." + figure.tile()));
        Set<String> trends = new HashSet<>();
        Arrays.stream(Figures.Trends.class.getRecordComponents()).forEach(c -> trends.add("trends." + c.getName()));

        List<String> onThePage = new ArrayList<>();
        Matcher tile = Pattern.compile("data-figure=\"([\\w.]+)\"").matcher(template("templates/dashboard/index.html"));
        while (tile.find()) {
            onThePage.add(tile.group(1));
        }
        assertThat(onThePage).doesNotHaveDuplicates();
        assertThat(onThePage.stream().filter(name -> name.startsWith("now.")))
                .containsExactlyInAnyOrderElementsOf(tiles);
        assertThat(onThePage.stream().filter(name -> !name.startsWith("now."))).isNotEmpty().allMatch(trends::contains);
    }

    @Test
    void theNowAnswerHasEveryTileUnderItsName() throws IOException {
        Map<OpenFigure, Count> tiles = new EnumMap<>(OpenFigure.class);
        Arrays.stream(OpenFigure.values()).filter(figure -> figure.tile() != null)
                .forEach(figure -> tiles.put(figure,
                        new Count(figure.ordinal(), Links.cases(figure, Scope.ALL, null))));
        Now now = new Now(NOW, "business", "business time", tiles, List.of(), List.of(), List.of(), List.of());

        var json = new ObjectMapper().findAndRegisterModules().valueToTree(now);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        List<String> expected = new ArrayList<>(List.of("at", "ageBasis", "ageBasisLabel", "stages", "owners", "teams",
                "aging"));
        tiles.keySet().forEach(figure -> expected.add(figure.tile()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected)
                .contains("openCases", "overdueCheckIns", "lateCallbacks", "openEscalations");
        assertThat(json.get("lateCallbacks").get("value").asLong()).isEqualTo(OpenFigure.LATE_CALLBACKS.ordinal());
        assertThat(json.get("lateCallbacks").get("cases").asText())
                .isEqualTo("/api/dashboard/cases?figure=late-callbacks");
        assertThat(now.count(OpenFigure.OPEN_ESCALATIONS).value()).isEqualTo(OpenFigure.OPEN_ESCALATIONS.ordinal());
    }

    /**
     * Statuses, outcomes, event types and kinds come from their enums ({@link Sql#literal}), so renaming one is a
     * compile error, not a figure silently at zero.
     */
    @Test
    void noQueryOfTheDashboardSpellsAStoredConstantByHand() throws IOException {
        Pattern literal = Pattern.compile("'[A-Z][A-Z_]+%?'");
        List<String> spelled = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/com/followthrough/dashboard"))) {
            for (Path source : sources.toList()) {
                for (String line : Files.readAllLines(source)) {
                    String code = line.strip();
                    if (!code.startsWith("*") && !code.startsWith("/") && literal.matcher(code).find()) {
                        spelled.add(source.getFileName() + ": " + code);
                    }
                }
            }
        }
        assertThat(spelled).isEmpty();
    }

    private static String template(String path) throws IOException {
        try (InputStream in = FiguresTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
