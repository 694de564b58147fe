package vn.ansinh.reporting.house;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.reporting.figures.FiguresService;
import vn.ansinh.reporting.fund.OrganisationReports;
import vn.ansinh.reporting.projection.HouseView;

/**
 * Counts the houses of an area from the houses read model as offices report them upwards: those handed
 * over in a year, built or repaired, with their cost, and those still under way. A house counts in the
 * commune its household lived in when it was approved, so a province reads its districts' houses.
 */
@Service
public class HouseReports {

    private final MongoTemplate mongo;
    private final AdminUnitDirectory units;
    private final FiguresService figures;

    HouseReports(MongoTemplate mongo, AdminUnitDirectory units, FiguresService figures) {
        this.mongo = mongo;
        this.units = units;
        this.figures = figures;
    }

    /**
     * @param organisationCode one organisation's houses (OFFICE: the offices' own), or null for all
     */
    public HouseReport of(String area, int year, String organisationCode) {
        // The same rows as the area's other figures: each unit of the area counted in the child it lies in.
        Map<String, String> rowOf = figures.rowsOf(area);
        Map<String, HouseReport.UnitHouses> rows = new LinkedHashMap<>();
        // Every unit below has its row; a unit merged away only when a house was counted in it.
        units.children(area).stream().filter(child -> child.mergedInto() == null)
                .forEach(child -> rows.put(child.code(), empty(child.code())));
        Query query = Query.query(housesOf(area, rowOf.keySet(), year, organisationCode));
        query.fields().include(HouseView.UNIT_CODE, HouseView.KIND, HouseView.STAGE, HouseView.COST, HouseView.HANDED_OVER_YEAR);
        for (Document house : mongo.find(query, Document.class, HouseView.COLLECTION)) {
            String row = rowOf.getOrDefault(house.getString(HouseView.UNIT_CODE), area);
            HouseReport.UnitHouses current = rows.computeIfAbsent(row, this::empty);
            rows.put(row, current.plus(counted(house), row, current.unitName()));
        }
        List<HouseReport.UnitHouses> ordered = new ArrayList<>(rows.values());
        HouseReport.UnitHouses total = ordered.stream().reduce(empty(area), (a, b) -> a.plus(b, area, nameOf(area)));
        return new HouseReport(area, year, organisationCode, ordered, total);
    }

    private static Criteria housesOf(String area, java.util.Set<String> unitsOfArea, int year, String organisationCode) {
        List<Criteria> all = new ArrayList<>();
        if (!AdminUnitDirectory.NATIONAL.equals(area)) {
            all.add(Criteria.where(HouseView.UNIT_CODE).in(unitsOfArea));
        }
        if (organisationCode != null) {
            all.add(Criteria.where(HouseView.ORGANISATION_CODE)
                    .is(OrganisationReports.OFFICE_ITSELF.equals(organisationCode) ? null : organisationCode));
        }
        all.add(new Criteria().orOperator(
                Criteria.where(HouseView.STAGE).is("HANDED_OVER").and(HouseView.HANDED_OVER_YEAR).is(year),
                Criteria.where(HouseView.STAGE).in("APPROVED", "BUILDING")));
        return new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    private static HouseReport.UnitHouses counted(Document house) {
        if (!"HANDED_OVER".equals(house.getString(HouseView.STAGE))) {
            return new HouseReport.UnitHouses(null, null, 0, 0, 0, 1);
        }
        long cost = house.get(HouseView.COST) instanceof Number n ? n.longValue() : 0;
        boolean built = "BUILD".equals(house.getString(HouseView.KIND));
        return new HouseReport.UnitHouses(null, null, built ? 1 : 0, built ? 0 : 1, cost, 0);
    }

    private HouseReport.UnitHouses empty(String code) {
        return new HouseReport.UnitHouses(code, nameOf(code), 0, 0, 0, 0);
    }

    private String nameOf(String code) {
        return units.find(code).map(AdminUnitDirectory.Unit::name).orElse(code);
    }
}
