package com.followthrough.dashboard;

import static com.followthrough.TestPeople.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.followthrough.web.Api;
import com.followthrough.web.ApiIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * Every figure answers the list behind it, as JSON, CSV and a page, under its id and label (the page in its own words):
 * a figure added to {@link OpenFigure} or {@link PeriodFigure} has its list without another edit. (What each list holds
 * is {@code DashboardScenarioIntegrationTests}'.)
 */
@ApiIntegrationTest
class FigureListsIntegrationTests {

    @Autowired
    Api api;
    @Autowired
    org.springframework.context.MessageSource messages;
    @LocalServerPort
    int port;

    @Test
    void everyFigureAnswersItsListAsJsonCsvAndPage() throws Exception {
        DashboardAccessIntegrationTests.Browser browser = DashboardAccessIntegrationTests.Browser.signIn(port, SAM);
        for (Figure figure : Figure.all()) {
            Api.Response json = api.as(SAM).get("/api/dashboard/cases?figure=" + figure.id() + "&size=2");
            assertThat(json.status()).as(json.toString()).isEqualTo(200);
            JsonNode list = json.json();
            assertThat(list.get("figure").asText()).isEqualTo(figure.id());
            assertThat(list.get("description").asText()).isEqualTo(figure.label());
            assertThat(list.get("items").size()).isEqualTo((int) Math.min(2, list.get("totalItems").asLong()));

            Api.Response csv = api.as(SAM).get("/api/dashboard/cases.csv?figure=" + figure.id());
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            assertThat(csv.header("content-disposition")).contains("followthrough-" + figure.id() + ".csv");
            assertThat(csv.body().split("\r\n")).hasSize(1 + (int) list.get("totalItems").asLong());

            HttpResponse<String> page = browser.get("/dashboard/cases?figure=" + figure.id());
            assertThat(page.statusCode()).as(figure.id()).isEqualTo(200);
            // The page's heading in words of its own (every figure has them, in English and German).
            assertThat(page.body()).contains(HtmlUtils.htmlEscape(
                    messages.getMessage("dashboard.figure." + figure.id(), null, java.util.Locale.ENGLISH)));
            assertThat(messages.getMessage("dashboard.figure." + figure.id(), null, java.util.Locale.GERMAN))
                    .isNotEqualTo(messages.getMessage("dashboard.figure." + figure.id(), null, java.util.Locale.ENGLISH));
        }
    }

    @Test
    void theApiDescriptionNamesEveryTileOfNow() {
        JsonNode now = api.as(SAM).get("/v3/api-docs").json().get("components").get("schemas").get("Now");
        for (OpenFigure figure : OpenFigure.values()) {
            if (figure.tile() != null) {
                assertThat(now.get("properties").get(figure.tile()).get("$ref").asText()).as(figure.tile())
                        .isEqualTo("#/components/schemas/Count");
            }
        }
        assertThat(now.get("properties").has("counts")).isFalse();
    }
}
