package vn.ansinh.registry.bulkimport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import vn.ansinh.registry.household.Category;
import vn.ansinh.registry.household.PovertyStatus;
import vn.ansinh.registry.household.RegisterHouseholdRequest;
import vn.ansinh.platform.text.VietnameseNames;
import vn.ansinh.registry.identity.Gender;

/**
 * Turns the rows of one household (one member per row) into the same request a single registration
 * sends. Household fields (unit, hamlet, phone, categories, poverty status) come from the head's row.
 * Values are taken as offices type them: "02/03/1958" or "1958-03-02", "Nữ" or "FEMALE", "Hộ nghèo"
 * or "POOR".
 */
final class HouseholdRows {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final Map<String, Category> CATEGORY_WORDS = Map.of(
            "ngheo", Category.POOR, "ho ngheo", Category.POOR, "can ngheo", Category.NEAR_POOR,
            "ho can ngheo", Category.NEAR_POOR, "gia dinh chinh sach", Category.POLICY_FAMILY,
            "dan toc thieu so", Category.ETHNIC_MINORITY, "mo coi", Category.ORPHAN,
            "nguoi cao tuoi co don", Category.ELDERLY_ALONE, "khuyet tat", Category.DISABILITY);
    private static final Map<String, PovertyStatus> STATUS_WORDS = Map.of(
            "ngheo", PovertyStatus.POOR, "ho ngheo", PovertyStatus.POOR, "can ngheo", PovertyStatus.NEAR_POOR,
            "ho can ngheo", PovertyStatus.NEAR_POOR, "moi thoat ngheo", PovertyStatus.RECENTLY_ESCAPED,
            "khong", PovertyStatus.NONE);

    /** A value that could not be read, with the row it is on. */
    static final class UnreadableValue extends RuntimeException {
        final int row;

        UnreadableValue(int row, String message) {
            super(message);
            this.row = row;
        }
    }

    private HouseholdRows() {
    }

    static RegisterHouseholdRequest toRequest(List<ImportChunk.Row> rows) {
        ImportChunk.Row head = rows.stream().filter(HouseholdRows::isHead).findFirst().orElse(rows.get(0));
        List<RegisterHouseholdRequest.MemberInput> members = new ArrayList<>();
        for (ImportChunk.Row row : rows) {
            members.add(new RegisterHouseholdRequest.MemberInput(value(row, ImportColumn.FULL_NAME),
                    date(row), gender(row), value(row, ImportColumn.CITIZEN_ID), value(row, ImportColumn.RELATION)));
        }
        return new RegisterHouseholdRequest(value(head, ImportColumn.FULL_NAME), members,
                new RegisterHouseholdRequest.AddressInput(value(head, ImportColumn.UNIT_CODE), value(head, ImportColumn.HAMLET),
                        value(head, ImportColumn.STREET)),
                phone(value(head, ImportColumn.PHONE)), categories(head), povertyStatus(head));
    }

    /** The row a member's problem belongs to. */
    static int rowOfMember(List<ImportChunk.Row> rows, int memberIndex) {
        return rows.get(Math.min(memberIndex, rows.size() - 1)).number();
    }

    static int headRow(List<ImportChunk.Row> rows) {
        return rows.stream().filter(HouseholdRows::isHead).findFirst().orElse(rows.get(0)).number();
    }

    private static boolean isHead(ImportChunk.Row row) {
        String relation = value(row, ImportColumn.RELATION);
        return relation != null && List.of("head", "chu ho").contains(VietnameseNames.searchKey(relation));
    }

    private static String value(ImportChunk.Row row, ImportColumn column) {
        String value = row.values().get(column.name());
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String phone(String typed) {
        // Spreadsheets drop the leading zero of numbers stored as numbers; spaces and dots are kept by people.
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s.]", "");
        return digits.matches("^[35789][0-9]{8}$") ? "0" + digits : digits;
    }

    private static LocalDate date(ImportChunk.Row row) {
        String typed = value(row, ImportColumn.DATE_OF_BIRTH);
        if (typed == null) {
            return null;
        }
        try {
            return typed.contains("/") ? LocalDate.parse(typed, DAY_MONTH_YEAR) : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            throw new UnreadableValue(row.number(), "Ngày sinh không đọc được: " + typed);
        }
    }

    private static Gender gender(ImportChunk.Row row) {
        String typed = value(row, ImportColumn.GENDER);
        if (typed == null) {
            return null;
        }
        return switch (VietnameseNames.searchKey(typed)) {
            case "male", "nam", "m" -> Gender.MALE;
            case "female", "nu", "f" -> Gender.FEMALE;
            default -> throw new UnreadableValue(row.number(), "Giới tính không đọc được: " + typed);
        };
    }

    private static List<Category> categories(ImportChunk.Row row) {
        String typed = value(row, ImportColumn.CATEGORIES);
        if (typed == null) {
            return List.of();
        }
        List<Category> categories = new ArrayList<>();
        for (String word : Arrays.stream(typed.split("[;|,]")).map(String::strip).filter(w -> !w.isEmpty()).toList()) {
            Category category = CATEGORY_WORDS.get(VietnameseNames.searchKey(word));
            if (category == null) {
                try {
                    category = Category.valueOf(word.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new UnreadableValue(row.number(), "Diện không rõ: " + word);
                }
            }
            categories.add(category);
        }
        return categories;
    }

    private static PovertyStatus povertyStatus(ImportChunk.Row row) {
        String typed = value(row, ImportColumn.POVERTY_STATUS);
        if (typed == null) {
            return null;
        }
        PovertyStatus status = STATUS_WORDS.get(VietnameseNames.searchKey(typed));
        if (status != null) {
            return status;
        }
        try {
            return PovertyStatus.valueOf(typed.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnreadableValue(row.number(), "Tình trạng nghèo không rõ: " + typed);
        }
    }
}
