package com.followthrough.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps an action's message ("Handed off to team accounting …") for the page its redirect opens. Spring hands a
 * redirect's flash attributes to the first request of the session for the target's path; a live refresh of the same
 * page's regions ({@code js/live.js}: an htmx GET of {@code /cases/{number}}, started by the action's own change
 * arriving on the old page's stream) can come first and would take the message with it, so the page opened after the
 * action shows none. A live refresh says so ({@code X-Live-Refresh: true}, set by {@code js/live.js}) and never shows
 * a message: it leaves the flash attributes to the page. (Not every htmx request: a claim's htmx POST follows its
 * redirect with htmx's headers, and that GET is the page that shows the message.)
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class LiveRefreshFlash implements FlashMapManager {

    static final String LIVE_REFRESH = "X-Live-Refresh";

    /** Spring's own, as the DispatcherServlet would use it without this bean. */
    private final FlashMapManager session = new SessionFlashMapManager();

    @Override
    public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
        if ("true".equals(request.getHeader(LIVE_REFRESH))) {
            return null;
        }
        return session.retrieveAndUpdate(request, response);
    }

    @Override
    public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
        session.saveOutputFlashMap(flashMap, request, response);
    }
}
