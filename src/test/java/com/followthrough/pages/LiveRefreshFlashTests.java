package com.followthrough.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

/** A live refresh of a page's region leaves the action's message to the page the redirect opens. */
class LiveRefreshFlashTests {

    private final LiveRefreshFlash flash = new LiveRefreshFlash();
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void aLiveRefreshOfTheSamePageDoesNotTakeTheMessage_thePageThenShowsIt() {
        saveMessageFor("/cases/FT-2026-000001", "Handed off to team accounting.");

        MockHttpServletRequest refresh = get("/cases/FT-2026-000001");
        refresh.addHeader("HX-Request", "true");
        refresh.addHeader("X-Live-Refresh", "true");
        assertThat((Map<String, Object>) flash.retrieveAndUpdate(refresh, new MockHttpServletResponse())).isNull();

        Map<String, Object> shown = flash.retrieveAndUpdate(get("/cases/FT-2026-000001"), new MockHttpServletResponse());
        assertThat(shown).containsEntry("message", "Handed off to team accounting.");
        assertThat((Map<String, Object>) flash.retrieveAndUpdate(get("/cases/FT-2026-000001"), new MockHttpServletResponse()))
                .isNull();
    }

    @Test
    void anHtmxRequestThatIsNoLiveRefreshGetsTheMessage_aClaimFollowingItsRedirect() {
        saveMessageFor("/my-work", "You have claimed “Work the hand-off”.");

        MockHttpServletRequest followed = get("/my-work");
        followed.addHeader("HX-Request", "true");
        Map<String, Object> shown = flash.retrieveAndUpdate(followed, new MockHttpServletResponse());
        assertThat(shown).containsEntry("message", "You have claimed “Work the hand-off”.");
    }

    private void saveMessageFor(String path, String message) {
        FlashMap map = new FlashMap();
        map.put("message", message);
        map.setTargetRequestPath(path);
        MockHttpServletRequest post = new MockHttpServletRequest("POST", path + "/actions");
        post.setSession(session);
        flash.saveOutputFlashMap(map, post, new MockHttpServletResponse());
    }

    private MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setSession(session);
        return request;
    }
}
