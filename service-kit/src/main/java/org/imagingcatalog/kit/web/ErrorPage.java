package org.imagingcatalog.kit.web;

/**
 * A service's error page in its own layout. Each service provides one bean; the kit's answers use it
 * wherever a person, not a program, reads the answer.
 */
public interface ErrorPage {

    /** The whole page, escaped by the service's template. */
    String html(int status, String title, String message);
}
