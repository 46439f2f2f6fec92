package io.crmbridge.backend.activity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a record's activities, newest first, and the token for the next page when there is one. */
public record ActivityPage(List<ActivitySummary> activities, Optional<String> nextPageToken) {
    public ActivityPage {
        activities = List.copyOf(activities);
        nextPageToken = Objects.requireNonNullElse(nextPageToken, Optional.empty());
    }
}
