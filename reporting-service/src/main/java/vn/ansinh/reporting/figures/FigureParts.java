package vn.ansinh.reporting.figures;

import java.util.function.Supplier;

/** Where the parts of a unit's figures come from: computed on every call, or kept while they are current. */
public interface FigureParts {

    /** Computes every part on every call: what reports and exports use. */
    FigureParts COMPUTED = new FigureParts() {
        @Override
        public <T> T part(String unitKey, FigurePart part, Supplier<T> compute) {
            return compute.get();
        }
    };

    /**
     * @param unitKey the unit's code, optionally followed by {@code #} and what else the part depends on
     * @return the unit's part, as computed now or kept from a computation still current
     */
    <T> T part(String unitKey, FigurePart part, Supplier<T> compute);
}
