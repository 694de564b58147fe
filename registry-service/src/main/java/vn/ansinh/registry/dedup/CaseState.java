package vn.ansinh.registry.dedup;

/** Where a duplicate case stands. Resolved pairs are never raised again. */
enum CaseState {
    OPEN, MERGED, NOT_DUPLICATE
}
