package com.followthrough.stories;

import java.util.List;

/** One page of stories; {@code page} counts from 0, read on while {@code page + 1 < totalPages}. */
public record StoryPage(List<Story> items, int page, int size, long totalItems, long totalPages) {
}
