package com.followthrough.cases;

import java.time.Instant;

public record Note(long id, String author, String body, Instant createdAt) {
}
