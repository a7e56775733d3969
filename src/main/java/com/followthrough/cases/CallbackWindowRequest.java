package com.followthrough.cases;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A callback window as the owner records it: a day and hours on the customer's clock ("Tuesday between 14:00 and
 * 16:00"; "after 17:00" is 17:00 to the end of the customer's evening). That the end comes after the start, and that
 * the window is not over, is checked where it is recorded ({@link CallbackWindows}), with the field named.
 */
public record CallbackWindowRequest(@NotNull LocalDate date, @NotNull LocalTime from, @NotNull LocalTime to) {
}
