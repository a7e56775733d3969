package com.followthrough.tasks;

import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved views of My work, each with how many rows it shows now. */
@RestController
@RequestMapping(path = "/api/views", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Saved views", description = "Your saved views of My work: filters (step, priority, team, customer) and sort")
@SecurityRequirement(name = "basicAuth")
class SavedViewController {

    /**
     * A saved view as the API shows it.
     *
     * @param count the rows it shows now: your tasks, your teams' unclaimed tasks and your hand-offs waiting on others
     */
    record ViewItem(long id, String name, TaskStep step, Priority priority, String team, String customer,
            WorkSort sort, long count) {
    }

    private final SavedViews views;
    private final MyWork myWork;

    SavedViewController(SavedViews views, MyWork myWork) {
        this.views = views;
        this.myWork = myWork;
    }

    @GetMapping
    @Operation(summary = "Your saved views, by name, with their counts")
    List<ViewItem> list(@AuthenticationPrincipal Caller caller) {
        MyWork.Lists lists = myWork.of(caller);
        return views.of(caller.id()).stream().map(view -> item(view, lists)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your saved views")
    ViewItem get(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        return item(views.find(caller.id(), id), myWork.of(caller));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save a view (name unique among yours; at most " + SavedViews.MAX_PER_PERSON + ")")
    ResponseEntity<ViewItem> create(@Valid @RequestBody SavedViewRequest request,
            @AuthenticationPrincipal Caller caller) {
        SavedView saved = views.save(caller.id(), request);
        return ResponseEntity.created(URI.create("/api/views/" + saved.id())).body(item(saved, myWork.of(caller)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a saved view: its name, filters and sort as sent")
    ViewItem update(@PathVariable long id, @Valid @RequestBody SavedViewRequest request,
            @AuthenticationPrincipal Caller caller) {
        return item(views.update(caller.id(), id, request), myWork.of(caller));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a saved view")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        views.delete(caller.id(), id);
        return ResponseEntity.noContent().build();
    }

    private static ViewItem item(SavedView saved, MyWork.Lists lists) {
        WorkView view = saved.view();
        return new ViewItem(saved.id(), saved.name(), view.step(), view.priority(), view.team(), view.customer(),
                view.sort(), lists.count(view));
    }
}
