package org.imagingcatalog.model.identity;

/**
 * A proposal is already in the catalog: its {@code field} ({@code url}, {@code identifiers[0]}) with
 * {@code value} names the same resource as entry {@code resourceId}'s {@code entryField} with {@code entryValue}.
 */
public record IdentityMatch(String field, String value, String resourceId, String entryField, String entryValue) {

    /**
     * The curator's warning, e.g. "identifiers[0] doi 10.5281/zenodo.3757476 is already in the catalog:
     * covid-19-ct-lung-infection-segmentation has it as url https://zenodo.org/record/3757476".
     */
    public String message() {
        return field + " " + value + " is already in the catalog: " + resourceId + " has it as " + entryField + " "
                + entryValue;
    }
}
