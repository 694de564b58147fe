package vn.ansinh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import vn.ansinh.registry.dedup.Retyping;

/**
 * A household spreadsheet as a district would send it: families of one to six people in Củ Chi's
 * communes, full names made of a family name (weighted by how common it is in Vietnam) and a
 * middle-and-given name drawn from the real name lists given by path ({@code names-given-male.txt},
 * {@code names-given-female.txt}), and a share of families entered a second time later in the file,
 * re-typed by someone else: two to four changes among marks dropped, capitals, extra spaces, a letter
 * dropped or doubled in the head's given name, the head's day and month swapped, the phone dropped or
 * another, the hamlet left out, and half of them filed by another commune. The true pairs are kept,
 * so the duplicate cases the import opens can be scored.
 */
final class ImportFile {

    static final String HEADER = "Mã hộ;Họ và tên;Ngày sinh;Giới tính;Quan hệ với chủ hộ;Mã xã;Ấp/Thôn;Số điện thoại;Diện\n";
    private static final String[] COMMUNES = {"27496", "27499", "27502", "27505", "27508", "27511", "27514", "27517",
            "27520", "27523", "27526", "27529", "27532", "27535", "27538", "27541", "27544", "27547", "27550", "27553", "27556"};
    /** Family names with their approximate share of the population in per mille. */
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Cao", "Lưu", "Tô", "Châu", "Tạ", "Đoàn",
            "Hà", "Trịnh", "Quách", "Thái"};
    private static final int[] FAMILY_PER_MILLE = {380, 110, 95, 70, 30, 20, 45, 20, 19, 21, 20, 14, 13, 13, 10, 5, 8, 6, 5, 5,
            4, 3, 3, 3, 3, 3, 3, 3, 2, 2};
    private static final String[] HAMLETS = {"Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp 5", "Ấp 6", "Ấp Chợ", "Ấp Bàu Tròn", "Ấp Mũi Lớn"};

    record Member(String name, LocalDate born, boolean female) {
    }

    record Family(String reference, String commune, String hamlet, String phone, boolean poor, List<Member> members) {
    }

    final byte[] csv;
    final int rows;
    final int households;
    final List<String[]> truePairs = new ArrayList<>();
    /** Households that are a family entered again. */
    final int reentered;

    private final Random random;
    private final List<String> male;
    private final List<String> female;
    private final int familyWeightTotal;

    /**
     * @param namesDirectory where the two name lists are
     * @param retypedShare   the share of households that are a family entered again
     */
    ImportFile(int rows, Path namesDirectory, double retypedShare, long seed) throws IOException {
        this.random = new Random(seed);
        this.male = names(namesDirectory.resolve("names-given-male.txt"));
        this.female = names(namesDirectory.resolve("names-given-female.txt"));
        int total = 0;
        for (int weight : FAMILY_PER_MILLE) {
            total += weight;
        }
        this.familyWeightTotal = total;
        StringBuilder out = new StringBuilder(rows * 80).append(HEADER);
        List<Family> earlier = new ArrayList<>();
        java.util.Map<String, List<String>> copies = new java.util.HashMap<>();
        int written = 0;
        int count = 0;
        while (written < rows) {
            Family family;
            if (!earlier.isEmpty() && random.nextDouble() < retypedShare) {
                Family original = earlier.get(random.nextInt(earlier.size()));
                Family copy = retyped(original, "R" + count);
                // The same family may be entered again more than once: every two of its entries are a pair.
                List<String> entries = copies.computeIfAbsent(original.reference(), first -> new ArrayList<>(List.of(first)));
                entries.forEach(entry -> truePairs.add(new String[] {entry, copy.reference()}));
                entries.add(copy.reference());
                family = copy;
            } else {
                family = newFamily("H" + count);
                if (earlier.size() < 200_000) {
                    earlier.add(family);
                }
            }
            written += append(out, family, rows - written);
            count++;
        }
        this.rows = written;
        this.households = count;
        this.reentered = copies.values().stream().mapToInt(entries -> entries.size() - 1).sum();
        this.csv = out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private Family newFamily(String reference) {
        String familyName = familyName();
        int size = 1 + random.nextInt(6);
        List<Member> members = new ArrayList<>();
        boolean headFemale = random.nextInt(10) < 3;
        LocalDate headBorn = LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
        members.add(new Member(familyName + " " + given(headFemale), headBorn, headFemale));
        if (size >= 2) { // a spouse, with their own family name
            boolean spouseFemale = !headFemale;
            members.add(new Member(familyName() + " " + given(spouseFemale), headBorn.plusDays(random.nextInt(3_000) - 1_500), spouseFemale));
        }
        for (int i = 2; i < size; i++) {
            boolean childFemale = random.nextBoolean();
            LocalDate born = headBorn.plusYears(20 + random.nextInt(20)).withDayOfMonth(1 + random.nextInt(28));
            members.add(new Member(familyName + " " + given(childFemale), born.isAfter(LocalDate.of(2025, 12, 31))
                    ? LocalDate.of(2020, 1 + random.nextInt(12), 1 + random.nextInt(28)) : born, childFemale));
        }
        String phone = random.nextInt(3) == 0 ? "" : phone();
        return new Family(reference, COMMUNES[random.nextInt(COMMUNES.length)], HAMLETS[random.nextInt(HAMLETS.length)], phone,
                random.nextInt(4) == 0, members);
    }

    private Family retyped(Family original, String reference) {
        List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        java.util.Collections.shuffle(kinds, random);
        String commune = random.nextBoolean() ? original.commune() : otherThan(original.commune());
        String hamlet = commune.equals(original.commune()) ? original.hamlet() : HAMLETS[random.nextInt(HAMLETS.length)];
        String phone = original.phone();
        List<Member> members = new ArrayList<>(original.members());
        for (int kind : kinds.subList(0, 2 + random.nextInt(3))) {
            switch (kind) {
                case 0 -> members.replaceAll(m -> renamed(m, stripMarks(m.name())));
                case 1 -> members.replaceAll(m -> renamed(m, m.name().toUpperCase(Locale.ROOT)));
                case 2 -> members.replaceAll(m -> renamed(m, m.name().replace(" ", "  ") + " "));
                case 3 -> members.set(0, renamed(members.get(0), dropOrDouble(members.get(0).name())));
                case 4 -> members.set(0, swapDayAndMonth(members.get(0)));
                case 5 -> phone = random.nextBoolean() ? "" : phone();
                case 6 -> members.replaceAll(m -> renamed(m, Normalizer.normalize(m.name(), Normalizer.Form.NFD)));
                default -> hamlet = "";
            }
        }
        return new Family(reference, commune, hamlet, phone, original.poor(), members);
    }

    private int append(StringBuilder out, Family family, int room) {
        int written = 0;
        for (Member member : family.members()) {
            if (written == room) {
                break;
            }
            out.append(family.reference()).append(';').append(member.name()).append(';')
                    .append(String.format("%02d/%02d/%d", member.born().getDayOfMonth(), member.born().getMonthValue(), member.born().getYear()))
                    .append(';').append(member.female() ? "Nữ" : "Nam").append(';').append(written == 0 ? "Chủ hộ" : "Thành viên")
                    .append(';').append(family.commune()).append(';').append(family.hamlet()).append(';')
                    .append(written == 0 ? family.phone() : "").append(';').append(family.poor() ? "Hộ nghèo" : "").append('\n');
            written++;
        }
        return written;
    }

    private String familyName() {
        int pick = random.nextInt(familyWeightTotal);
        for (int i = 0; i < FAMILY.length; i++) {
            pick -= FAMILY_PER_MILLE[i];
            if (pick < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }

    private String given(boolean isFemale) {
        List<String> names = isFemale ? female : male;
        return names.get(random.nextInt(names.size()));
    }

    private String phone() {
        return "09" + String.format("%08d", random.nextInt(100_000_000));
    }

    private String otherThan(String commune) {
        String other;
        do {
            other = COMMUNES[random.nextInt(COMMUNES.length)];
        } while (other.equals(commune));
        return other;
    }

    private String dropOrDouble(String name) {
        return Retyping.dropOrDoubleInGivenName(name, random);
    }

    private static Member swapDayAndMonth(Member member) {
        return new Member(member.name(), Retyping.swapDayAndMonth(member.born()), member.female());
    }

    private static Member renamed(Member member, String name) {
        return new Member(name, member.born(), member.female());
    }

    private static String stripMarks(String name) {
        return Retyping.stripMarks(name);
    }
}
