package com.followthrough.live;

import com.followthrough.security.Caller;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages open on this node, each with its event stream and what it shows: My work (changes that concern the
 * reader), one case, the dashboard (every change; supervisors only). Each poll sends a page at most one event per kind,
 * however many changes it read: the page fetches its lists once.
 */
@Component
class LiveStreams {

    /** What an open page shows. */
    record Watcher(Caller reader, boolean work, String caseNumber, boolean dashboard, SseEmitter stream) {

        boolean concernedBy(Change change) {
            return change.people().contains(reader.id()) || change.teams().stream().anyMatch(reader::isMemberOf)
                    || reader.isSupervisor() && work;
        }
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    void add(Watcher watcher) {
        watchers.add(watcher);
        Runnable remove = () -> watchers.remove(watcher);
        watcher.stream().onCompletion(remove);
        watcher.stream().onTimeout(remove);
        watcher.stream().onError(error -> remove.run());
    }

    int open() {
        return watchers.size();
    }

    void announce(List<Change> changes) {
        for (Watcher watcher : watchers) {
            if (watcher.work() && changes.stream().anyMatch(watcher::concernedBy)) {
                send(watcher, "work");
            }
            if (watcher.caseNumber() != null
                    && changes.stream().anyMatch(change -> change.caseNumber().equals(watcher.caseNumber()))) {
                send(watcher, "case");
            }
            if (watcher.dashboard()) {
                send(watcher, "dashboard");
            }
        }
    }

    /** A comment on every stream: keeps idle connections open through proxies, and finds the ones that are gone. */
    @Scheduled(fixedDelayString = "${followthrough.live.heartbeat-every:PT25S}")
    void heartbeat() {
        for (Watcher watcher : watchers) {
            try {
                watcher.stream().send(SseEmitter.event().comment("still here"));
            } catch (IOException | IllegalStateException e) {
                gone(watcher);
            }
        }
    }

    private void send(Watcher watcher, String kind) {
        try {
            watcher.stream().send(SseEmitter.event().name(kind).data("changed"));
        } catch (IOException | IllegalStateException e) {
            gone(watcher);
        }
    }

    private void gone(Watcher watcher) {
        watchers.remove(watcher);
        watcher.stream().completeWithError(new IOException("The page's connection is gone"));
    }
}
