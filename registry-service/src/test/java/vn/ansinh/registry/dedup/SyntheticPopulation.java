package vn.ansinh.registry.dedup;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fixed-seed made-up population of Vietnamese households, with some households entered a second
 * time the way it happens in offices: diacritics dropped, a typo, day and month swapped, the ID or
 * phone left out, entered by another commune. Which pairs are the same household is known.
 */
final class SyntheticPopulation {

    /** Family names with their approximate share of the population (about a third are Nguyễn). */
    private static final String[] FAMILY_NAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đoàn", "Trương", "Lương", "Mai"};
    private static final double[] FAMILY_SHARES = {38, 11, 9.5, 7, 4, 4, 4.5, 2, 2, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 0.6, 0.6, 0.5, 0.5};
    private static final String[] MALE_MIDDLE = {"Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Bích"};
    private static final String[] MALE_GIVEN = {"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long",
            "Minh", "Nam", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
            "Bảy", "Tám", "Hiếu", "Lâm", "Nghĩa", "Tâm"};
    private static final String[] FEMALE_GIVEN = {"Anh", "Bảy", "Chi", "Dung", "Hà", "Hạnh", "Hằng", "Hoa", "Hòa", "Hương",
            "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thu", "Thủy",
            "Trang", "Tuyết", "Vân", "Yến", "Xuân", "Hiền"};
    private static final String[] HAMLETS = {"Ấp 1", "Ấp 2", "Ấp 3", "Ấp Cây Sộp", "Ấp Bến Đò", "Khu phố 4"};

    record Population(List<HouseholdProfile> households, List<Pair> truePairs) {
    }

    record Pair(String original, String copy) {
    }

    private final Random random;

    SyntheticPopulation(long seed) {
        this.random = new Random(seed);
    }

    Population generate(int households, double duplicateShare, int units) {
        List<HouseholdProfile> all = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            HouseholdProfile household = household("h" + i, "unit-" + random.nextInt(units));
            all.add(household);
            if (random.nextDouble() < duplicateShare) {
                HouseholdProfile copy = enteredAgain(household, "d" + i, units);
                all.add(copy);
                pairs.add(new Pair(household.householdId(), copy.householdId()));
            }
        }
        java.util.Collections.shuffle(all, random);
        return new Population(all, pairs);
    }

    private HouseholdProfile household(String id, String unit) {
        String family = pickFamilyName();
        int size = 1 + random.nextInt(5);
        List<HouseholdProfile.Person> people = new ArrayList<>();
        int headYear = 1940 + random.nextInt(60);
        for (int i = 0; i < size; i++) {
            boolean male = random.nextBoolean();
            // Children take the head's family name; a spouse keeps her own.
            String familyName = i == 1 ? pickFamilyName() : family;
            String name = familyName + " " + pick(male ? MALE_MIDDLE : FEMALE_MIDDLE) + " " + pick(male ? MALE_GIVEN : FEMALE_GIVEN);
            int year = i <= 1 ? headYear + random.nextInt(5) : headYear + 20 + random.nextInt(15);
            LocalDate born = LocalDate.of(Math.min(year, 2024), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String citizenId = random.nextDouble() < 0.6 ? String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L)) : null;
            people.add(new HouseholdProfile.Person(name, born, citizenId));
        }
        String phone = random.nextDouble() < 0.7 ? "09" + String.format("%08d", random.nextInt(100_000_000)) : null;
        return profile(id, unit, pick(HAMLETS), phone, people);
    }

    /** The same household typed again by another officer, with the mistakes offices make. */
    private HouseholdProfile enteredAgain(HouseholdProfile original, String id, int units) {
        boolean otherOffice = random.nextDouble() < 0.5;
        String unit = otherOffice ? "unit-" + random.nextInt(units) : original.unitCode();
        List<HouseholdProfile.Person> people = new ArrayList<>();
        // Sometimes only part of the family is entered again.
        int keep = Math.max(1, original.people().size() - random.nextInt(2));
        for (HouseholdProfile.Person person : original.people().subList(0, keep)) {
            String name = person.nameKey();
            if (random.nextDouble() < 0.5) {
                name = withoutDiacritics(name);
            }
            if (random.nextDouble() < 0.2) {
                name = withTypo(name);
            }
            LocalDate born = person.dateOfBirth();
            if (random.nextDouble() < 0.15 && born.getDayOfMonth() <= 12) {
                born = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
            }
            String citizenId = random.nextDouble() < 0.5 ? person.citizenId() : null;
            people.add(new HouseholdProfile.Person(name, born, citizenId));
        }
        String phone = random.nextDouble() < 0.6 ? original.phone() : null;
        return profile(id, unit, otherOffice ? pick(HAMLETS) : original.hamletKey(), phone, people);
    }

    /** Builds the profile the way the registry does, from names as typed. */
    private static HouseholdProfile profile(String id, String unit, String hamlet, String phone, List<HouseholdProfile.Person> typed) {
        return HouseholdProfile.of(id, unit, hamlet, phone,
                typed.stream().map(p -> HouseholdProfile.Person.of(p.nameKey(), p.dateOfBirth(), p.citizenId())).toList());
    }

    private String withTypo(String name) {
        int at = name.lastIndexOf(' ') + 1 + random.nextInt(Math.max(1, name.length() - name.lastIndexOf(' ') - 2));
        if (at + 1 >= name.length()) {
            return name + "h";
        }
        char[] letters = name.toCharArray();
        char swapped = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = swapped;
        return new String(letters);
    }

    private static String withoutDiacritics(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }

    private String pickFamilyName() {
        double total = 0;
        for (double share : FAMILY_SHARES) {
            total += share;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < FAMILY_NAMES.length; i++) {
            roll -= FAMILY_SHARES[i];
            if (roll <= 0) {
                return FAMILY_NAMES[i];
            }
        }
        return FAMILY_NAMES[0];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
