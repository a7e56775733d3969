package com.followthrough.tasks;

import com.followthrough.cases.Text;
import com.followthrough.policy.Priority;
import jakarta.validation.constraints.NotBlank;

/**
 * A saved view as the API and the page's form send it: its name, and the filters and sort (each optional).
 *
 * @param team     a team (group id) whose tasks and hand-offs to show
 * @param customer part of the customer's name
 */
public record SavedViewRequest(
        @NotBlank @Text(max = 60) String name,
        TaskStep step,
        Priority priority,
        @Text(max = 64) String team,
        @Text(max = 100) String customer,
        WorkSort sort) {

    public WorkView view() {
        return new WorkView(step, priority, team, customer, sort);
    }
}
