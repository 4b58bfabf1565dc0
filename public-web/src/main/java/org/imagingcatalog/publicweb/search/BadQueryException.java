package org.imagingcatalog.publicweb.search;

/** A query parameter the catalog cannot use; names the parameter so the caller can fix it. */
public class BadQueryException extends RuntimeException {

    private final String parameter;

    public BadQueryException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String problem() {
        return getMessage().substring(parameter.length() + 2);
    }
}
