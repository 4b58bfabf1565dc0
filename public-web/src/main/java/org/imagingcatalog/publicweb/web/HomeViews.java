package org.imagingcatalog.publicweb.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.search.Facets;
import org.imagingcatalog.publicweb.search.ResultPage;
import org.imagingcatalog.publicweb.search.Sort;
import org.imagingcatalog.publicweb.search.TrustFilter;
import org.imagingcatalog.publicweb.web.HomeView.Check;
import org.imagingcatalog.publicweb.web.HomeView.FacetLine;
import org.imagingcatalog.publicweb.web.HomeView.FacetValue;
import org.imagingcatalog.publicweb.web.HomeView.Option;
import org.imagingcatalog.publicweb.web.HomeView.Row;
import org.imagingcatalog.publicweb.web.HomeView.Select;

/** Turns a query and its results into the catalog page's view. */
final class HomeViews {

    /** The fields of the page's form, which an error summary links to. */
    private static final Set<String> FORM_FIELDS = CatalogQuery.Route.LIST.parameters();

    private HomeViews() {
    }

    static HomeView of(ResultPage result) {
        CatalogQuery query = result.query();
        List<Row> rows = result.entries().stream().map(HomeViews::row).toList();
        String previous = query.page() > 1 ? url(query.withPage(query.page() - 1)) : null;
        String next = result.hasNext() ? url(query.withPage(query.page() + 1)) : null;
        String filters = query.filterQueryString();
        String feedFilters = query.feedQueryString();
        Facets facets = result.facets();
        return new HomeView(query.q(), query.license(), String.join(",", query.formats()),
                String.join(",", query.annotations()), selects(query), trustSelects(query), trustChecks(query), rows, result.total(), result.totalExact(),
                query.filtered(), facets == null || result.total() == 0 ? List.of() : facetLines(query, facets),
                facets == null || facets.exact(), facets == null ? 0 : facets.counted(),
                "Page " + query.page() + (result.totalExact() ? " of " + result.pages() : ""),
                previous, next, filters.isEmpty() ? "" : "?" + filters, feedFilters.isEmpty() ? "" : "?" + feedFilters,
                null, null, null);
    }

    /**
     * The page of a query that could not be run: the form, the error summary naming each refused parameter, and
     * a link to the field it concerns, or to the whole catalog when the parameter is not one of the form's.
     */
    static HomeView invalid(BadQueryException error) {
        HomeView empty = of(ResultPage.exact(CatalogQuery.all(), List.of(), 0));
        String field = error.parameter();
        String link = FORM_FIELDS.contains(field) && !error.unknownParametersOnly() ? "#" + field : "/";
        return new HomeView(null, null, "", "", empty.selects(), empty.trustSelects(), empty.trustChecks(), List.of(), 0,
                true, true, List.of(), true, 0,
                empty.pageLabel(), null, null, "", "", field, error.detail(), link);
    }

    static Row row(Entry entry) {
        Resource r = entry.resource();
        List<Badge> badges = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            badges.add(Badge.of(flag.label(), flag.of(r)));
        }
        return new Row(r.id(), r.name(), r.provider(), r.access().label(), r.license(), badges);
    }

    /** "CT: Y 12, N 7, U 1" for each flag, then access and licence; each value with matches links to its query. */
    private static List<FacetLine> facetLines(CatalogQuery query, Facets facets) {
        List<FacetLine> lines = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            List<FacetValue> values = new ArrayList<>();
            for (Availability value : Availability.values()) {
                boolean selected = value == query.flag(flag);
                long count = facets.count(flag, value);
                values.add(new FacetValue(value.code(), count, link(count, selected, query.with(flag, value)), selected));
            }
            lines.add(new FacetLine(flag.label(), values));
        }
        List<FacetValue> access = new ArrayList<>();
        for (Access value : Access.values()) {
            boolean selected = value == query.access();
            long count = facets.access().get(value);
            access.add(new FacetValue(capitalized(value.label()), count, link(count, selected, query.withAccess(value)),
                    selected));
        }
        lines.add(new FacetLine("Access", access));
        List<FacetValue> licenses = new ArrayList<>();
        for (Facets.LicenseCount license : facets.licenses()) {
            if (license.value() == null) {
                // there is no filter for "no licence stated"
                licenses.add(new FacetValue("not stated", license.count(), null, false));
                continue;
            }
            boolean selected = license.value().equalsIgnoreCase(query.license() == null ? "" : query.license());
            licenses.add(new FacetValue(license.value(), license.count(),
                    link(license.count(), selected, query.withLicense(license.value())), selected));
        }
        if (!licenses.isEmpty()) {
            lines.add(new FacetLine("Licence", licenses));
        }
        return lines;
    }

    private static String link(long count, boolean selected, CatalogQuery narrowed) {
        return count == 0 || selected ? null : url(narrowed);
    }

    private static List<Select> selects(CatalogQuery query) {
        List<Select> selects = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            Availability selected = query.flag(flag);
            List<Option> options = new ArrayList<>();
            options.add(new Option("", "Any", selected == null));
            for (Availability value : Availability.values()) {
                options.add(new Option(value.code(), value.code() + " (" + value.label() + ")", value == selected));
            }
            selects.add(new Select(flag.param(), flag.label(), options));
        }
        List<Option> access = new ArrayList<>();
        access.add(new Option("", "Any", query.access() == null));
        for (Access value : Access.values()) {
            access.add(new Option(value.name(), capitalized(value.label()), value == query.access()));
        }
        selects.add(new Select("access", "Access", access));
        List<Option> sort = new ArrayList<>();
        for (Sort value : Sort.values()) {
            sort.add(new Option(value.param(), value.label(), value == query.effectiveSort()));
        }
        selects.add(new Select("sort", "Sort by", sort));
        return selects;
    }

    /** The trust fields' selects: label source, population, image source, each "Any" or one value. */
    private static List<Select> trustSelects(CatalogQuery query) {
        TrustFilter trust = query.trust();
        return List.of(
                trustSelect("referenceStandard", "Label source", ReferenceStandard.values(), trust.referenceStandard(),
                        ReferenceStandard::label),
                trustSelect("population", "Population", Population.values(), trust.population(), Population::label),
                trustSelect("imageSource", "Image source", ImageSource.values(), trust.imageSource(),
                        ImageSource::label));
    }

    private static <E extends Enum<E>> Select trustSelect(String name, String label, E[] values, E selected,
            java.util.function.Function<E, String> words) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Any", selected == null));
        for (E value : values) {
            options.add(new Option(value.name(), capitalized(words.apply(value)), value == selected));
        }
        return new Select(name, label, options);
    }

    /** The readers' own phrasings of the trust filters, as checkboxes. */
    private static List<Check> trustChecks(CatalogQuery query) {
        TrustFilter trust = query.trust();
        return List.of(
                new Check("excludePaediatric", "Exclude datasets with paediatric controls",
                        "Leaves out datasets with children's images (population paediatric or mixed) and those whose"
                                + " participants are judged at high risk of bias", trust.excludePaediatric()),
                new Check("rtPcrOnly", "Only RT-PCR-confirmed labels", "Label source: an RT-PCR test",
                        trust.rtPcrOnly()),
                new Check("hospitalImagesOnly", "Original hospital images only",
                        "Image source: DICOM from hospital systems, not images taken from papers or converted",
                        trust.hospitalImagesOnly()));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String url(CatalogQuery query) {
        String qs = query.queryString();
        return qs.isEmpty() ? "/" : "/?" + qs;
    }
}
