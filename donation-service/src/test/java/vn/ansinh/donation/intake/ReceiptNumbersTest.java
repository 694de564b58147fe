package vn.ansinh.donation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptNumbersTest {

    @Test
    void aNumberIsPaddedToSixDigitsAndNeverCutShort() {
        assertThat(ReceiptNumbers.number("783-2026-", 42)).isEqualTo("783-2026-000042");
        assertThat(ReceiptNumbers.number("783-2026-", 999_999)).isEqualTo("783-2026-999999");
        assertThat(ReceiptNumbers.number("26734-2026-", 1_234_567)).as("a busy office's millionth receipt").isEqualTo("26734-2026-1234567");
    }
}
