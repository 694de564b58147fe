package vn.ansinh.distribution.verification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws a random sample of deliveries stratified by commune: each commune gets its share of the sample in
 * proportion to its deliveries (largest remainders round it to whole deliveries), and within a commune the
 * deliveries are shuffled by a generator seeded with the recorded seed. The same seed over the same
 * deliveries draws the same sample — anyone can check the draw was not chosen by hand.
 */
final class StratifiedSample {

    /** One commune's part: how many deliveries it had to draw from, and the ones drawn. */
    record Stratum(String unitCode, int deliveries, List<String> drawn) {
    }

    private StratifiedSample() {
    }

    /**
     * @param deliveriesByCommune delivery ids per commune
     * @param size                how many to draw in all (at most every delivery)
     */
    static List<Stratum> draw(Map<String, List<String>> deliveriesByCommune, int size, long seed) {
        Map<String, List<String>> sorted = new TreeMap<>();
        deliveriesByCommune.forEach((unit, ids) -> sorted.put(unit, ids.stream().sorted().toList()));
        int total = sorted.values().stream().mapToInt(List::size).sum();
        int n = Math.min(size, total);
        Map<String, Integer> quota = new TreeMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int allocated = 0;
        for (Map.Entry<String, List<String>> commune : sorted.entrySet()) {
            double exact = total == 0 ? 0 : (double) n * commune.getValue().size() / total;
            int whole = (int) Math.floor(exact);
            quota.put(commune.getKey(), whole);
            allocated += whole;
            remainders.add(Map.entry(commune.getKey(), exact - whole));
        }
        remainders.sort(Comparator.comparing((Map.Entry<String, Double> e) -> e.getValue()).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; i < n - allocated; i++) {
            quota.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        Random random = new Random(seed);
        List<Stratum> strata = new ArrayList<>();
        for (Map.Entry<String, List<String>> commune : sorted.entrySet()) {
            List<String> shuffled = new ArrayList<>(commune.getValue());
            Collections.shuffle(shuffled, random);
            strata.add(new Stratum(commune.getKey(), commune.getValue().size(),
                    List.copyOf(shuffled.subList(0, quota.get(commune.getKey())))));
        }
        return strata;
    }
}
