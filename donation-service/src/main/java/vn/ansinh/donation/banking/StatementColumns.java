package vn.ansinh.donation.banking;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.domain.Refusal;

/**
 * Which of a bank's statement columns say what, by their header text as the bank writes it ("Ngày GD",
 * "Số tiền ghi có", "Số tham chiếu", "Nội dung"). Money in is either one signed {@code amount} column or a
 * {@code credit} column (with an optional {@code debit} column, whose rows are money out and skipped).
 * {@code dateFormat} when the bank's dates are in none of the usual forms; {@code separator} for a CSV
 * whose first lines are the account's details rather than the header.
 */
public record StatementColumns(
        @NotBlank @Size(max = 100) String date,
        @Size(max = 100) String amount,
        @Size(max = 100) String credit,
        @Size(max = 100) String debit,
        @NotBlank @Size(max = 100) String reference,
        @NotBlank @Size(max = 100) String description,
        @Size(max = 40) String dateFormat,
        @Pattern(regexp = "^([,;|]|\\\\t)$") String separator) {

    /** Checks what annotations cannot: exactly one way of reading money in, a date pattern that parses. */
    void check() {
        List<Refusal.Field> problems = new ArrayList<>();
        boolean signed = amount != null && !amount.isBlank();
        boolean split = credit != null && !credit.isBlank();
        if (signed == split) {
            problems.add(new Refusal.Field("mapping.amount", "give either amount (one signed column) or credit (with debit if the bank has one)"));
        }
        if (dateFormat != null && !dateFormat.isBlank()) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException notAPattern) {
                problems.add(new Refusal.Field("mapping.dateFormat", "is not a date pattern (for example dd/MM/yyyy HH:mm:ss)"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    char separatorChar() {
        return separator == null || separator.isEmpty() ? ',' : separator.equals("\\t") ? '\t' : separator.charAt(0);
    }
}
