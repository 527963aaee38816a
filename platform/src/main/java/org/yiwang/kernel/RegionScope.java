package org.yiwang.kernel;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The regions whose records an actor may see and change: all of them (city-wide), some, or none.
 * The empty scope is the default: nothing is visible until someone is known to be allowed.
 */
public record RegionScope(boolean all, Set<RegionCode> regions) implements java.io.Serializable {

	private static final RegionScope ALL = new RegionScope(true, Set.of());
	private static final RegionScope NONE = new RegionScope(false, Set.of());

	public RegionScope {
		regions = Set.copyOf(regions);
	}

	public static RegionScope wholeCity() {
		return ALL;
	}

	public static RegionScope none() {
		return NONE;
	}

	public static RegionScope of(RegionCode... regions) {
		return new RegionScope(false, Set.of(regions));
	}

	public static RegionScope of(Collection<RegionCode> regions) {
		return new RegionScope(false, Set.copyOf(regions));
	}

	public boolean covers(RegionCode region) {
		return all || regions.contains(region);
	}

	public boolean isEmpty() {
		return !all && regions.isEmpty();
	}

	/** The comma-separated region codes, sorted, as the database policy reads them. */
	public String regionList() {
		return regions.stream().map(RegionCode::value).collect(Collectors.toCollection(TreeSet::new)).stream()
				.collect(Collectors.joining(","));
	}

	@Override
	public String toString() {
		return all ? "ALL" : "[" + regionList() + "]";
	}
}
