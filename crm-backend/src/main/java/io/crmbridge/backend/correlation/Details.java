package io.crmbridge.backend.correlation;

/** Keeps decision details within what the store keeps. */
final class Details {
    private Details() {
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
