package org.imagingcatalog.publicweb.web;

import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.search.ResultPage;
import org.imagingcatalog.publicweb.search.Sort;
import org.imagingcatalog.publicweb.web.HomeView.Option;
import org.imagingcatalog.publicweb.web.HomeView.Row;
import org.imagingcatalog.publicweb.web.HomeView.Select;

/** Turns a query and its results into the catalog page's view. */
final class HomeViews {

    private HomeViews() {
    }

    static HomeView of(ResultPage result) {
        CatalogQuery query = result.query();
        List<Row> rows = result.entries().stream().map(HomeViews::row).toList();
        String previous = query.page() > 1 ? url(query.withPage(query.page() - 1)) : null;
        String next = result.hasNext() ? url(query.withPage(query.page() + 1)) : null;
        String filters = query.filterQueryString();
        return new HomeView(query.q(), query.license(), selects(query), rows, result.total(), result.totalExact(),
                query.filtered(), "Page " + query.page() + (result.totalExact() ? " of " + result.pages() : ""),
                previous, next,
                filters.isEmpty() ? "" : "?" + filters, null, null);
    }

    static HomeView invalid(BadQueryException error) {
        HomeView empty = of(ResultPage.exact(CatalogQuery.all(), List.of(), 0));
        return new HomeView(null, null, empty.selects(), List.of(), 0, true, true, empty.pageLabel(), null, null, "",
                error.parameter(), "The value of \"" + error.parameter() + "\" " + error.problem() + ".");
    }

    static Row row(Entry entry) {
        Resource r = entry.resource();
        List<Badge> badges = new ArrayList<>();
        for (Flag flag : Flag.values()) {
            badges.add(Badge.of(flag.label(), flag.of(r)));
        }
        return new Row(r.id(), r.name(), r.provider(), r.access().label(), r.license(), badges);
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

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String url(CatalogQuery query) {
        String qs = query.queryString();
        return qs.isEmpty() ? "/" : "/?" + qs;
    }
}
