package com.followthrough.live;

import com.followthrough.security.Caller;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages open on this node, each with its event stream and what it shows: My work (changes that concern the
 * reader), one case, the dashboard (every change; supervisors only). Each poll sends a page at most one event per kind,
 * however many changes it read: the page fetches its lists once.
 */
@Component
class LiveStreams implements SmartLifecycle {

    /** What an open page shows. */
    record Watcher(Caller reader, boolean work, String caseNumber, boolean dashboard, SseEmitter stream) {

        boolean concernedBy(Change change) {
            return change.people().contains(reader.id()) || change.teams().stream().anyMatch(reader::isMemberOf)
                    || reader.isSupervisor() && work;
        }
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

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
        end(watcher);
    }

    /**
     * Ends every stream before the web server shuts down: an open stream is a request in progress, which graceful
     * shutdown would wait for. The browsers reconnect (to another node, behind a load balancer).
     */
    @Override
    public void stop() {
        running = false;
        watchers.forEach(this::gone);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (a lower phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static void end(Watcher watcher) {
        try {
            watcher.stream().complete();
        } catch (IllegalStateException e) {
            // Completed already.
        }
    }
}
