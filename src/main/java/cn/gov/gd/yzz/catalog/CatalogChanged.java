package cn.gov.gd.yzz.catalog;

/** Fired inside the transaction that changed the catalog; observed after commit to drop the stale snapshot. */
public record CatalogChanged(String what, String code) {
}
