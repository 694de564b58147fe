package vn.ansinh.reporting.figures;

import java.util.List;

/**
 * A unit's figures and the same figures for each unit directly below it (or each hamlet of a
 * commune): the shape of a report sent upward.
 *
 * @param rows one per child unit; old units merged into a child are counted in it, and households
 *             registered directly at the unit itself form a row of their own
 */
public record AreaFigures(UnitFigures total, List<UnitFigures> rows) {
}
