package io.crmbridge.backend.exchange.webdav;

import java.util.Map;

/**
 * One {@code response} of a Multi-Status.
 *
 * @param href     the resource it is about
 * @param status   the status of the resource itself (201 when a PROPPATCH created it), 0 when not given
 * @param values   the values of the properties whose status is 200
 * @param statuses the status of every property named, in document order
 */
record DavResponse(String href, int status, Map<DavProperty, String> values, Map<DavProperty, Integer> statuses) {

    DavResponse {
        values = Map.copyOf(values);
        statuses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statuses));
    }
}
