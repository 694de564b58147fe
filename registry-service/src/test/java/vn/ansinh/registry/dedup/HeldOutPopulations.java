package vn.ansinh.registry.dedup;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Two populations the detector is never tuned on, built here and nowhere else: their own name lists
 * and frequencies, their own ways of typing a family in again, several mistakes at once. Nothing in
 * this file is shared with the detector or with {@link SyntheticPopulation}.
 *
 * <ul>
 *   <li><b>Re-typed</b>: households across Củ Chi's 21 communes; some registered again by another
 *   officer (half of them in another commune) with two to four changes at once — no diacritics,
 *   capitals, doubled spaces, a letter dropped or doubled in the given name, day and month swapped,
 *   another phone or none, no citizen ID, decomposed Unicode; and people who share a full name with
 *   someone else without being them.</li>
 *   <li><b>Whole families</b>: other name frequencies (more central and southern family names, a
 *   small set of very common given names, so namesakes abound), and other mistakes — a family
 *   registered again under another head of household, its members in another order, a member missing
 *   or a newborn added, a middle name left out, two letters swapped, the year of birth only
 *   (typed as 01/01) or off by one.</li>
 * </ul>
 */
final class HeldOutPopulations {

    static final List<String> CU_CHI_COMMUNES = List.of("27496", "27499", "27502", "27505", "27508", "27511", "27514", "27517",
            "27520", "27523", "27526", "27529", "27532", "27535", "27538", "27541", "27544", "27547", "27550", "27553", "27556");

    /** A household as an officer typed it, and which household it really is. */
    record Typed(String id, String unitCode, String hamlet, String phone, List<TypedPerson> people) {
        HouseholdProfile profile() {
            return HouseholdProfile.of(id, unitCode, hamlet, phone, people.stream()
                    .map(p -> HouseholdProfile.Person.of(p.name(), p.born(), p.citizenId())).toList());
        }
    }

    record TypedPerson(String name, LocalDate born, boolean male, String citizenId) {
    }

    /** The households in registration order, and the pairs that are one family entered twice. */
    record Population(String name, List<Typed> households, List<String[]> truePairs, int namesakes) {
    }

    private final Random random;

    HeldOutPopulations(long seed) {
        this.random = new Random(seed);
    }

    // --- Population A: re-typed --------------------------------------------------------------------

    private static final String[] A_FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Trương", "Lâm", "Tô", "Châu", "Thái", "Mai", "Quách"};
    private static final int[] A_FAMILY_WEIGHT = {30, 10, 9, 6, 6, 6, 4, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1};
    private static final String[] A_MALE = {"Phúc", "Lộc", "Thọ", "Tài", "Trí", "Nghĩa", "Tín", "Nhân", "Khoa", "Toàn", "Thắng",
            "Lợi", "Sang", "Phát", "Hậu", "Tâm", "Kiệt", "Luân", "Thịnh", "Vĩnh", "Quang", "Triều", "Nhựt", "Sơn", "Tùng"};
    private static final String[] A_FEMALE = {"Diễm", "Thùy", "Xuân", "Kiều", "Nguyệt", "Nhung", "Oanh", "Phượng", "Quyên",
            "Thắm", "Trinh", "Tuyết", "Uyên", "Vy", "Yến", "Hiền", "Ngân", "Lệ", "Duyên", "Mến", "Hồng", "Cúc", "Lài", "Huệ", "Sen"};
    private static final String[] A_MALE_MIDDLE = {"Văn", "Văn", "Văn", "Hoàng", "Tấn", "Thành", "Phước", "Hữu"};
    private static final String[] A_FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Ngọc", "Kim", "Thanh", "Mỹ", "Bích"};
    private static final String[] A_HAMLETS = {"Ấp Bàu Tròn", "Ấp Chợ", "Ấp Mũi Lớn", "Ấp Trung", "Ấp Xóm Mới", "Ấp 6", "Ấp 7"};

    Population retyped(int households, double retypedShare, int namesakes) {
        List<Typed> all = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        List<Typed> originals = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            originals.add(family("A" + i, pick(CU_CHI_COMMUNES), A_FAMILY, A_FAMILY_WEIGHT, A_MALE, A_FEMALE, A_MALE_MIDDLE,
                    A_FEMALE_MIDDLE, A_HAMLETS, 0.6, 0.7));
        }
        all.addAll(originals);
        // Namesakes: another family whose head carries exactly the same full name, born another day.
        for (int i = 0; i < namesakes; i++) {
            Typed model = originals.get(random.nextInt(originals.size()));
            Typed namesake = family("N" + i, pick(CU_CHI_COMMUNES), A_FAMILY, A_FAMILY_WEIGHT, A_MALE, A_FEMALE, A_MALE_MIDDLE,
                    A_FEMALE_MIDDLE, A_HAMLETS, 0.6, 0.7);
            TypedPerson head = model.people().get(0);
            List<TypedPerson> people = new ArrayList<>(namesake.people());
            LocalDate born = head.born().plusDays(40 + random.nextInt(3000));
            people.set(0, new TypedPerson(head.name(), born, head.male(), people.get(0).citizenId() == null ? null : citizenId(head.male(), born)));
            all.add(new Typed(namesake.id(), namesake.unitCode(), namesake.hamlet(), namesake.phone(), people));
        }
        Collections.shuffle(all, random);
        List<Typed> again = new ArrayList<>();
        for (Typed original : originals) {
            if (random.nextDouble() < retypedShare) {
                Typed copy = retypedCopy(original, "A" + original.id());
                again.add(copy);
                pairs.add(new String[] {original.id(), copy.id()});
            }
        }
        all.addAll(again); // entered later, as a second office would
        return new Population("re-typed", all, pairs, namesakes);
    }

    private Typed retypedCopy(Typed original, String id) {
        int changes = 2 + random.nextInt(3);
        List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        Collections.shuffle(kinds, random);
        String unit = random.nextBoolean() ? original.unitCode() : otherThan(original.unitCode());
        String hamlet = unit.equals(original.unitCode()) ? original.hamlet() : pick(A_HAMLETS);
        String phone = original.phone();
        List<TypedPerson> people = new ArrayList<>(original.people());
        for (int kind : kinds.subList(0, changes)) {
            switch (kind) {
                case 0 -> people = map(people, p -> rename(p, stripMarks(p.name())));
                case 1 -> people = map(people, p -> rename(p, p.name().toUpperCase(Locale.ROOT)));
                case 2 -> people = map(people, p -> rename(p, p.name().replace(" ", "  ") + " "));
                case 3 -> people.set(0, rename(people.get(0), dropOrDoubleInGivenName(people.get(0).name())));
                case 4 -> people.set(0, swapDayAndMonth(people.get(0)));
                case 5 -> phone = random.nextBoolean() ? null : phone();
                case 6 -> people = map(people, p -> new TypedPerson(p.name(), p.born(), p.male(), null));
                case 7 -> people = map(people, p -> rename(p, Normalizer.normalize(p.name(), Normalizer.Form.NFD)));
                default -> hamlet = null;
            }
        }
        return new Typed(id, unit, hamlet, phone, people);
    }

    // --- Population B: whole families --------------------------------------------------------------

    private static final String[] B_FAMILY = {"Trần", "Lê", "Huỳnh", "Võ", "Nguyễn", "Phan", "Trương", "Đoàn", "Cao", "Lưu",
            "Tăng", "Kiều", "La", "Thạch", "Danh", "Sơn"};
    private static final int[] B_FAMILY_WEIGHT = {14, 13, 11, 10, 10, 8, 7, 5, 4, 4, 3, 3, 2, 2, 2, 2};
    private static final String[] B_MALE = {"Hùng", "Dũng", "Minh", "Tuấn", "Hải", "Nam", "Long", "Thanh"};
    private static final String[] B_FEMALE = {"Lan", "Hoa", "Mai", "Hương", "Linh", "Trang", "Hà", "Thảo"};
    private static final String[] B_MALE_MIDDLE = {"Văn", "Văn", "Minh", "Đình", "Công"};
    private static final String[] B_FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Thu", "Hoài"};
    private static final String[] B_HAMLETS = {"Tổ 1", "Tổ 2", "Tổ 3", "Khu phố An Phú", "Khu phố Tân Lập"};

    Population wholeFamilies(int households, double againShare) {
        List<Typed> all = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            all.add(family("B" + i, pick(CU_CHI_COMMUNES), B_FAMILY, B_FAMILY_WEIGHT, B_MALE, B_FEMALE, B_MALE_MIDDLE,
                    B_FEMALE_MIDDLE, B_HAMLETS, 0.3, 0.5));
        }
        List<Typed> originals = List.copyOf(all);
        List<Typed> again = new ArrayList<>();
        for (Typed original : originals) {
            if (random.nextDouble() < againShare) {
                Typed copy = familyAgain(original, "B" + original.id());
                again.add(copy);
                pairs.add(new String[] {original.id(), copy.id()});
            }
        }
        Collections.shuffle(all, random);
        all.addAll(again);
        return new Population("whole families", all, pairs, 0);
    }

    private Typed familyAgain(Typed original, String id) {
        List<TypedPerson> people = new ArrayList<>(original.people());
        if (people.size() > 1 && random.nextDouble() < 0.5) {
            // Another member registers the family: they come first, the others follow in another order.
            TypedPerson newHead = people.remove(1 + random.nextInt(people.size() - 1));
            Collections.shuffle(people, random);
            people.add(0, newHead);
        }
        double change = random.nextDouble();
        if (people.size() > 2 && change < 0.3) {
            people.remove(people.size() - 1);
        } else if (change < 0.5) {
            boolean male = random.nextBoolean();
            people.add(new TypedPerson(familyOf(people.get(0).name()) + " " + (male ? "Văn " : "Thị ") + pick(male ? B_MALE : B_FEMALE),
                    LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)), male, null));
        }
        int mistakes = 1 + random.nextInt(3);
        for (int m = 0; m < mistakes; m++) {
            int who = random.nextInt(people.size());
            TypedPerson p = people.get(who);
            switch (random.nextInt(5)) {
                case 0 -> people.set(who, rename(p, withoutMiddleName(p.name())));
                case 1 -> people.set(who, rename(p, swapTwoLetters(p.name())));
                case 2 -> people.set(who, new TypedPerson(p.name(), LocalDate.of(p.born().getYear(), 1, 1), p.male(), p.citizenId()));
                case 3 -> people.set(who, new TypedPerson(p.name(), p.born().plusYears(random.nextBoolean() ? 1 : -1), p.male(), p.citizenId()));
                default -> people.set(who, rename(p, stripMarks(p.name()).toLowerCase(Locale.ROOT)));
            }
        }
        people = map(people, p -> new TypedPerson(p.name(), p.born(), p.male(), random.nextDouble() < 0.7 ? null : p.citizenId()));
        String unit = random.nextDouble() < 0.3 ? otherThan(original.unitCode()) : original.unitCode();
        return new Typed(id, unit, unit.equals(original.unitCode()) ? original.hamlet() : pick(B_HAMLETS),
                random.nextBoolean() ? original.phone() : null, people);
    }

    // --- shared making of a family -----------------------------------------------------------------

    private Typed family(String id, String unit, String[] families, int[] weights, String[] male, String[] female,
                         String[] maleMiddle, String[] femaleMiddle, String[] hamlets, double citizenIds, double phones) {
        String family = weighted(families, weights);
        int size = 1 + random.nextInt(5);
        List<TypedPerson> people = new ArrayList<>();
        boolean headMale = random.nextDouble() < 0.6;
        LocalDate headBorn = LocalDate.of(1940 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
        people.add(person(family, headMale, headBorn, male, female, maleMiddle, femaleMiddle, citizenIds));
        if (size > 1) {
            String spouseFamily = weighted(families, weights);
            people.add(person(spouseFamily, !headMale, headBorn.plusDays(random.nextInt(3000) - 1500), male, female, maleMiddle,
                    femaleMiddle, citizenIds));
        }
        for (int c = 2; c < size; c++) {
            boolean childMale = random.nextBoolean();
            LocalDate born = headBorn.plusYears(20 + random.nextInt(20)).withDayOfMonth(1 + random.nextInt(28));
            if (born.isAfter(LocalDate.of(2025, 12, 31))) {
                born = LocalDate.of(2010 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            }
            people.add(person(family, childMale, born, male, female, maleMiddle, femaleMiddle, citizenIds));
        }
        return new Typed(id, unit, pick(hamlets), random.nextDouble() < phones ? phone() : null, people);
    }

    private TypedPerson person(String family, boolean male, LocalDate born, String[] maleNames, String[] femaleNames,
                               String[] maleMiddle, String[] femaleMiddle, double citizenIds) {
        String name = family + " " + pick(male ? maleMiddle : femaleMiddle) + " " + pick(male ? maleNames : femaleNames);
        return new TypedPerson(name, born, male, random.nextDouble() < citizenIds ? citizenId(male, born) : null);
    }

    private String citizenId(boolean male, LocalDate born) {
        int century = born.getYear() >= 2000 ? 2 : 0;
        return String.format("079%d%02d%06d", century + (male ? 0 : 1), born.getYear() % 100, random.nextInt(1_000_000));
    }

    private String phone() {
        return "09" + String.format("%08d", random.nextInt(100_000_000));
    }

    private String dropOrDoubleInGivenName(String name) {
        return Retyping.dropOrDoubleInGivenName(name, random);
    }

    private String swapTwoLetters(String name) {
        int space = name.lastIndexOf(' ');
        String given = name.substring(space + 1);
        if (given.length() < 3) {
            return name;
        }
        int at = random.nextInt(given.length() - 1);
        char[] letters = given.toCharArray();
        char kept = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = kept;
        return name.substring(0, space + 1) + new String(letters);
    }

    private TypedPerson swapDayAndMonth(TypedPerson p) {
        return new TypedPerson(p.name(), Retyping.swapDayAndMonth(p.born()), p.male(), p.citizenId());
    }

    private static String withoutMiddleName(String name) {
        String[] words = name.split(" ");
        return words.length < 3 ? name : words[0] + " " + words[words.length - 1];
    }

    private static String familyOf(String name) {
        return name.split(" ")[0];
    }

    private static String stripMarks(String name) {
        return Retyping.stripMarks(name);
    }

    private static TypedPerson rename(TypedPerson p, String name) {
        return new TypedPerson(name, p.born(), p.male(), p.citizenId());
    }

    private static List<TypedPerson> map(List<TypedPerson> people, java.util.function.UnaryOperator<TypedPerson> change) {
        List<TypedPerson> changed = new ArrayList<>();
        people.forEach(p -> changed.add(change.apply(p)));
        return changed;
    }

    private String otherThan(String unit) {
        String other;
        do {
            other = pick(CU_CHI_COMMUNES);
        } while (other.equals(unit));
        return other;
    }

    private String weighted(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
