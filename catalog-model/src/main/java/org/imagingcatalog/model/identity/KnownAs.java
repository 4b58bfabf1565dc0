package org.imagingcatalog.model.identity;

/**
 * One way a resource is known: its identity {@code key} (the same for every spelling), the {@code field} that
 * says so ({@code url}, {@code identifiers[1]}) and the {@code value} as the resource writes it.
 */
public record KnownAs(String key, String field, String value) {
}
