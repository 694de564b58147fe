package vn.ansinh.reporting.figures;

import java.util.function.Supplier;

/** Where the parts of a unit's figures come from: computed on every call, or kept while they are current. */
public interface FigureParts {

    /** Computes every part on every call: what reports and exports use. */
    FigureParts COMPUTED = new FigureParts() {
        @Override
        public <T> T part(String unitCode, Object basis, FigurePart part, Supplier<T> compute) {
            return compute.get();
        }
    };

    /**
     * @param basis what else the part was computed from besides its read models (the unit tree's
     *              attribution of units to rows): a kept part with another basis is computed again
     * @return the unit's part, as computed now or kept from a computation still current
     */
    <T> T part(String unitCode, Object basis, FigurePart part, Supplier<T> compute);
}
