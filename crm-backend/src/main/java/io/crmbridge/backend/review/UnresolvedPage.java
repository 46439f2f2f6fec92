package io.crmbridge.backend.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the review queue, oldest first, and the token for the next page when there may be more. */
public record UnresolvedPage(List<UnresolvedItem> items, Optional<String> nextPageToken) {
    public UnresolvedPage {
        items = List.copyOf(items);
        nextPageToken = Objects.requireNonNullElse(nextPageToken, Optional.empty());
    }
}
