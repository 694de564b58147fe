package vn.ansinh.distribution.twinning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import vn.ansinh.distribution.housing.House;
import vn.ansinh.distribution.housing.Houses;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;

/**
 * What twinned agencies gave, year by year: for one twinning, or for one village across every agency
 * twinned with it over the years. Houses count in the year they were handed over; the rest in the year
 * it was given.
 */
@Component
class TwinningReports {

    /** One kind of contribution in a year: how many records, how many things, what they were worth. */
    record KindFigures(Contribution.Kind kind, long records, long quantity, long value) {
    }

    record YearFigures(Integer year, List<KindFigures> contributions, long housesBuilt, long housesRepaired, long housesCost, long value) {
    }

    record TwinningLine(String id, String agency, LocalDate since, LocalDate endedOn) {
    }

    record TwinningReport(String unitCode, String unitName, String village, List<TwinningLine> twinnings, List<YearFigures> years,
                          YearFigures total) {
    }

    private final Twinnings twinnings;
    private final Houses houses;
    private final AdminUnitDirectory directory;

    TwinningReports(Twinnings twinnings, Houses houses, AdminUnitDirectory directory) {
        this.twinnings = twinnings;
        this.houses = houses;
        this.directory = directory;
    }

    TwinningReport ofTwinning(String id) {
        Twinning twinning = twinnings.get(id);
        return report(twinning.getUnitCode(), twinning.getVillage(), List.of(twinning));
    }

    TwinningReport ofVillage(String unit, String village) {
        List<Twinning> found = twinnings.list(unit, village);
        if (found.isEmpty()) {
            throw Refusal.notFound("village", unit + ":" + village);
        }
        return report(found.get(0).getUnitCode(), found.get(0).getVillage(), found);
    }

    private TwinningReport report(String unit, String village, List<Twinning> of) {
        List<String> ids = of.stream().map(Twinning::getId).toList();
        // year → kind → {records, quantity, value}; year → {built, repaired, cost}
        Map<Integer, Map<Contribution.Kind, long[]>> given = new TreeMap<>();
        Map<Integer, long[]> built = new TreeMap<>();
        int first = of.stream().mapToInt(twinning -> twinning.getSince().getYear()).min().orElseThrow();
        int last = twinnings.today().getYear();
        for (int year = first; year <= last; year++) {
            given.put(year, new EnumMap<>(Contribution.Kind.class));
            built.put(year, new long[3]);
        }
        for (Contribution contribution : twinnings.contributionsOf(ids)) {
            long[] figures = given.computeIfAbsent(contribution.getOn().getYear(), year -> new EnumMap<>(Contribution.Kind.class))
                    .computeIfAbsent(contribution.getKind(), kind -> new long[3]);
            figures[0]++;
            figures[1] += contribution.getQuantity() == null ? 0 : contribution.getQuantity();
            figures[2] += contribution.getValue();
        }
        for (House house : houses.handedOverUnder(ids)) {
            long[] figures = built.computeIfAbsent(house.getHandedOverOn().getYear(), year -> new long[3]);
            figures[house.getKind() == House.Kind.BUILD ? 0 : 1]++;
            figures[2] += house.getCost();
        }
        List<YearFigures> years = new ArrayList<>();
        Map<Contribution.Kind, long[]> allKinds = new EnumMap<>(Contribution.Kind.class);
        long[] allHouses = new long[3];
        for (int year : given.keySet()) {
            years.add(figures(year, given.get(year), built.getOrDefault(year, new long[3])));
            given.get(year).forEach((kind, figures) -> {
                long[] sum = allKinds.computeIfAbsent(kind, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    sum[i] += figures[i];
                }
            });
            long[] houseFigures = built.getOrDefault(year, new long[3]);
            for (int i = 0; i < 3; i++) {
                allHouses[i] += houseFigures[i];
            }
        }
        List<TwinningLine> lines = of.stream().map(t -> new TwinningLine(t.getId(), t.getAgency(), t.getSince(), t.getEndedOn())).toList();
        return new TwinningReport(unit, directory.find(unit).map(AdminUnitDirectory.Unit::name).orElse(unit), village, lines, years,
                figures(null, allKinds, allHouses));
    }

    private static YearFigures figures(Integer year, Map<Contribution.Kind, long[]> kinds, long[] houses) {
        List<KindFigures> contributions = kinds.entrySet().stream()
                .map(entry -> new KindFigures(entry.getKey(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2])).toList();
        long value = contributions.stream().mapToLong(KindFigures::value).sum() + houses[2];
        return new YearFigures(year, contributions, houses[0], houses[1], houses[2], value);
    }
}
