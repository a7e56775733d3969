package com.followthrough.live;

import com.followthrough.security.Caller;
import com.followthrough.tasks.CaseVisibility;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live}: an open page's event stream (server-sent events), behind the page sign-in. {@code work=true} for
 * My work, {@code case=FT-…} for a case page (a case the reader may see: anything else is 404, as on the case page),
 * {@code dashboard=true} for the dashboard (supervisors and administrators); every signed-in page asks for {@code work}
 * too, for the count in its tab's title. Events: {@code work}, {@code case}, {@code dashboard}, each meaning "fetch
 * what you show again".
 */
@Controller
class LiveController {

    private final LiveStreams streams;
    private final CaseVisibility visibility;
    private final LiveProperties properties;
    private final NeedsMe needsMe;

    LiveController(LiveStreams streams, CaseVisibility visibility, LiveProperties properties, NeedsMe needsMe) {
        this.streams = streams;
        this.visibility = visibility;
        this.properties = properties;
        this.needsMe = needsMe;
    }

    /** {@code GET /live/needs-me}: the count for the tab's title ("(3) …"), as plain text; never cached. */
    @GetMapping(path = "/live/needs-me", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    ResponseEntity<String> needsMe(@AuthenticationPrincipal Caller reader) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Long.toString(needsMe.count(reader)));
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@RequestParam(defaultValue = "false") boolean work,
            @RequestParam(name = "case", required = false) String caseNumber,
            @RequestParam(defaultValue = "false") boolean dashboard, @AuthenticationPrincipal Caller reader)
            throws IOException {
        if (caseNumber != null && (caseNumber.length() > 40 || !visibility.maySee(caseNumber, reader))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber + " to watch");
        }
        if (dashboard && !reader.isSupervisor() && !reader.isAdmin()) {
            throw new AccessDeniedException("The dashboard is for supervisors and administrators");
        }
        SseEmitter stream = new SseEmitter(properties.streamTimeout().toMillis());
        streams.add(new LiveStreams.Watcher(reader, work, caseNumber, dashboard, stream));
        // Sent at once, so the browser knows the stream is open; and how soon to come back after it ends.
        stream.send(SseEmitter.event().comment("open").reconnectTime(2000));
        return stream;
    }
}
