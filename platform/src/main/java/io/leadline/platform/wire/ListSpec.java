package io.leadline.platform.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one list endpoint accepts: its largest {@code _limit}, the filters and sort fields it knows (each mapped
 * from its Close name to an entity path in HQL), its default order, and the parameters it handles itself.
 */
public final class ListSpec {

    public static final int DEFAULT_LIMIT = 100;

    private final int maxLimit;
    private final Map<String, Filterable> filters;
    private final Map<String, String> orderPaths;
    private final String defaultOrder;
    private final Set<String> ownParameters;
    private final String idPath;

    private ListSpec(Builder builder) {
        this.maxLimit = builder.maxLimit;
        this.filters = Map.copyOf(builder.filters);
        this.orderPaths = Map.copyOf(builder.orderPaths);
        this.defaultOrder = builder.defaultOrder;
        this.ownParameters = Set.copyOf(builder.ownParameters);
        this.idPath = builder.idPath;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxLimit() {
        return maxLimit;
    }

    public Filterable filter(String name) {
        return filters.get(name);
    }

    public String orderPath(String name) {
        return orderPaths.get(name);
    }

    public Set<String> orderNames() {
        return new TreeSet<>(orderPaths.keySet());
    }

    public String defaultOrder() {
        return defaultOrder;
    }

    /** The HQL path of the id, the order's last tiebreak. */
    public String idPath() {
        return idPath;
    }

    public boolean handlesItself(String parameter) {
        return ownParameters.contains(parameter);
    }

    /** A filterable field: its HQL path and how its values parse. */
    public record Filterable(String path, FilterType type) {
    }

    public static final class Builder {
        private int maxLimit = DEFAULT_LIMIT;
        private final Map<String, Filterable> filters = new LinkedHashMap<>();
        private final Map<String, String> orderPaths = new LinkedHashMap<>();
        private String defaultOrder;
        private final Set<String> ownParameters = new TreeSet<>();
        private String idPath = "id";

        public Builder maxLimit(int maxLimit) {
            this.maxLimit = maxLimit;
            return this;
        }

        public Builder filter(String name, String path, FilterType type) {
            filters.put(name, new Filterable(path, type));
            return this;
        }

        public Builder orderBy(String name, String path) {
            orderPaths.put(name, path);
            return this;
        }

        /** The order when {@code _order_by} is absent, e.g. {@code -date_created}; must name an order field. */
        public Builder defaultOrder(String order) {
            this.defaultOrder = order;
            return this;
        }

        /** Parameters the resource reads itself (e.g. {@code _type}, {@code view}), so they are not filters. */
        public Builder ownParameters(String... names) {
            ownParameters.addAll(Set.of(names));
            return this;
        }

        /** For queries that join several entities with an id, e.g. {@code o.id}; plain {@code id} otherwise. */
        public Builder idPath(String path) {
            this.idPath = path;
            return this;
        }

        public ListSpec build() {
            return new ListSpec(this);
        }
    }
}
