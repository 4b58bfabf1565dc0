package org.imagingcatalog.publicweb.web;

import org.imagingcatalog.model.Availability;

/** A Y / N / U flag as the pages show it: the letter, and the word for readers who cannot see colour or the letter. */
public record Badge(String column, String code, String word) {

    public static Badge of(String column, Availability value) {
        return new Badge(column, value.code(), value.label());
    }
}
