package com.followthrough.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** People's open tasks, from the engine. Implemented in {@code workflow}, the only package that talks to it. */
public interface TaskList {

    List<WorkTask> assignedTo(String userId);

    /** Tasks offered to any of these teams that nobody has claimed. */
    List<WorkTask> offeredTo(Collection<String> groups);

    Optional<WorkTask> find(String taskId);

    List<WorkTask> ofCase(String caseNumber);

    /** Takes an offered task; {@link TaskConflictException} when someone has it already. */
    void claim(String taskId, String userId);

    /** Gives a claimed task back to its teams. */
    void unclaim(String taskId);
}
