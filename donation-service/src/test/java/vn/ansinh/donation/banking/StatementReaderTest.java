package vn.ansinh.donation.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.web.ProblemFactory;

/** Statements as banks export them: details above the table, their own headers, their own ways of writing money and dates. */
class StatementReaderTest {

    /** The platform's own words for a row's problems, in English. */
    static final ProblemFactory WORDS = words();

    static final StatementColumns SPLIT = new StatementColumns("Ngày giao dịch", null, "Số tiền ghi có", "Số tiền ghi nợ",
            "Số tham chiếu", "Nội dung chi tiết", null, ";");

    @Test
    void readsTheTableBelowTheAccountsDetailsWithCreditsAndDebits() {
        String csv = """
                SAO KÊ TÀI KHOẢN;;;;
                Số tài khoản: 0071001234567;;;;
                Từ ngày 01/10/2021 đến ngày 31/10/2021;;;;
                NGÀY GIAO DỊCH;SỐ THAM CHIẾU;SỐ TIỀN GHI NỢ;SỐ TIỀN GHI CÓ;NỘI DUNG CHI TIẾT
                01/10/2021 08:15:02;FT21274001;;1.500.000;NGUYEN VAN AN CHUYEN TIEN UNG HO ASK7M2PQ
                01/10/2021 09:00:00;FT21274002;200.000;;PHI DICH VU
                02/10/2021;FT21275003;;"50,000,000";CONG TY XUAN PHAT UNG HO
                ;;;;
                ;Tổng cộng;200.000;51.500.000;
                """;

        Read read = read(SPLIT, csv.getBytes(StandardCharsets.UTF_8));

        // The totals row has text in the reference column but no date: reported with its number, never taken for a transfer
        // (a transfer whose date went missing must not vanish without a word either).
        assertThat(read.errors).containsExactly(new StatementReader.RowError(9, "no date"));
        assertThat(read.lines).extracting(StatementLine::reference).containsExactly("FT21274001", "FT21274002", "FT21275003");
        assertThat(read.lines).extracting(StatementLine::amount).containsExactly(1_500_000L, -200_000L, 50_000_000L);
        assertThat(read.lines.get(0).bookedAt()).isEqualTo(Instant.parse("2021-10-01T01:15:02Z")); // 08:15 in Vietnam
        assertThat(read.lines.get(2).bookedAt()).isEqualTo(Instant.parse("2021-10-01T17:00:00Z"));
        assertThat(read.lines.get(0).row()).isEqualTo(5);
    }

    @Test
    void aRowThatCannotBeReadIsReportedWithItsNumberAndTheOthersAreRead() {
        String csv = """
                Ngày giao dịch;Số tham chiếu;Số tiền ghi có;Số tiền ghi nợ;Nội dung chi tiết
                32/10/2021;FT1;100.000;;A
                01/10/2021;FT2;1.000,50;;B
                01/10/2021;;100.000;;C
                01/10/2021;FT4;một trăm;;D
                01/10/2021;FT5;100.000;;E
                """;

        Read read = read(SPLIT, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(read.lines).extracting(StatementLine::reference).containsExactly("FT5");
        assertThat(read.errors).extracting(StatementReader.RowError::row).containsExactly(2, 3, 4, 5);
        assertThat(read.errors.get(0).reason()).isEqualTo("date '32/10/2021' is in no form this statement's mapping reads");
        assertThat(read.errors.get(1).reason()).isEqualTo("amount '1.000,50' has a fraction of a đồng");
        assertThat(read.errors.get(2).reason()).contains("no transaction reference");
    }

    @Test
    void amountsInEveryWayBanksWriteThem() {
        assertThat(StatementReader.amountOf("1.500.000")).isEqualTo(1_500_000L);
        assertThat(StatementReader.amountOf("1,500,000")).isEqualTo(1_500_000L);
        assertThat(StatementReader.amountOf("1500000")).isEqualTo(1_500_000L);
        assertThat(StatementReader.amountOf("1,500,000.00")).isEqualTo(1_500_000L);
        assertThat(StatementReader.amountOf("1.500.000,00")).isEqualTo(1_500_000L);
        assertThat(StatementReader.amountOf("+200.000 VND")).isEqualTo(200_000L);
        assertThat(StatementReader.amountOf("-200.000")).isEqualTo(-200_000L);
        assertThatThrownBy(() -> StatementReader.amountOf("1.500,000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementReader.amountOf("12.5")).hasMessageContaining("fraction");
        assertThatThrownBy(() -> StatementReader.amountOf("1.000.000,000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedAmountColumnAndAGivenDateFormat() {
        StatementColumns signed = new StatementColumns("Date", "Amount", null, null, "Ref", "Remark", "yyyyMMdd", ",");
        String csv = "Date,Ref,Amount,Remark\n20211001,T1,\"-50,000\",fee\n20211002,T2,\"300,000\",ASK7M2PQ\n";

        Read read = read(signed, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(read.lines).extracting(StatementLine::amount).containsExactly(-50_000L, 300_000L);
        assertThat(read.lines.get(1).bookedAt()).isEqualTo(Instant.parse("2021-10-01T17:00:00Z"));
    }

    @Test
    void aWorkbookWithDateCellsAndNumberCells() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(xlsx, "bank", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sao ke");
            sheet.value(0, 0, "Sao kê tài khoản 0071001234567");
            String[] header = {"Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có", "Nội dung chi tiết"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(2, c, header[c]);
            }
            sheet.value(3, 0, LocalDateTime.of(2021, 10, 3, 14, 30));
            sheet.style(3, 0).format("dd/mm/yyyy hh:mm").set();
            sheet.value(3, 1, "FT21276009");
            sheet.value(3, 3, 2_000_000);
            sheet.value(3, 4, "ung ho quy ASK7M2PQ");
            sheet.value(4, 0, "04/10/2021");
            sheet.value(4, 1, "FT21277010");
            sheet.value(4, 2, 150_000);
            sheet.value(4, 4, "phi");
        }

        Read read = read(new StatementColumns("Ngày giao dịch", null, "Số tiền ghi có", "Số tiền ghi nợ", "Số tham chiếu",
                "Nội dung chi tiết", null, null), xlsx.toByteArray());

        assertThat(read.errors).isEmpty();
        assertThat(read.lines).extracting(StatementLine::amount).containsExactly(2_000_000L, -150_000L);
        assertThat(read.lines.get(0).bookedAt()).isEqualTo(Instant.parse("2021-10-03T07:30:00Z"));
        assertThat(read.lines.get(0).description()).isEqualTo("ung ho quy ASK7M2PQ");
        assertThat(read.lines.get(1).bookedAt()).isEqualTo(Instant.parse("2021-10-03T17:00:00Z"));
    }

    @Test
    void aFileWithoutTheMappedColumnsIsRefusedWhole() {
        byte[] csv = "Ngày;Tiền;Ghi chú\n01/10/2021;100.000;x\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(SPLIT, csv)).isInstanceOf(Refusal.class);
    }

    @Test
    void creditsFindTheirFundByTheTransferCodeHoweverTheBankWroteIt() {
        FundBankAccount relief = account("fund-relief", "ASK7M2PQ", "0071001234567");
        FundBankAccount poor = account("fund-poor", "AS9XH3TD", "0071001234567");
        List<FundBankAccount> office = List.of(relief, poor);

        assertThat(fundOf("NGUYEN VAN AN CHUYEN TIEN UNG HO ASK7M2PQ", office, null)).isEqualTo("fund-relief");
        assertThat(fundOf("ung ho as-k7m2 pq mua lu", office, null)).isEqualTo("fund-relief");
        assertThat(fundOf("MBVCB.123.AS9XH3TD.ung ho", office, null)).isEqualTo("fund-poor");
        // Two codes: an officer decides. None, on an account two funds share: an officer decides.
        assertThat(fundOf("ASK7M2PQ AS9XH3TD", office, null)).isNull();
        assertThat(fundOf("ung ho dong bao", office, "0071001234567")).isNull();
        // None, on an account only one fund uses: that fund.
        assertThat(fundOf("ung ho dong bao", List.of(relief), "0071001234567")).isEqualTo("fund-relief");
    }

    private static String fundOf(String description, List<FundBankAccount> funds, String accountNumber) {
        BankStatementImport.Target target = BankStatementImport.targetOf(description, funds, List.of(), accountNumber);
        return target == null ? null : target.fundId();
    }

    @Test
    void aCreditWithAnAppealsCodeGoesToItsFundMeantForItsCampaign() {
        FundBankAccount relief = account("fund-relief", "ASK7M2PQ", "0071001234567");
        Appeal flood = new Appeal("ASFL00D9", "fund-relief", "783", "campaign-flood", "Ủng hộ đồng bào lũ lụt", Instant.EPOCH);

        BankStatementImport.Target target = BankStatementImport.targetOf("UNG HO LU LUT ASFL00D9", List.of(relief), List.of(flood), null);

        assertThat(target).isEqualTo(new BankStatementImport.Target("fund-relief", "campaign-flood"));
        assertThat(BankStatementImport.targetOf("ASK7M2PQ", List.of(relief), List.of(flood), null))
                .isEqualTo(new BankStatementImport.Target("fund-relief", null));
    }

    private static FundBankAccount account(String fundId, String code, String accountNumber) {
        FundBankAccount account = new FundBankAccount(fundId, "783", code);
        account.payInto(new BankAccountRequest("970436", "Vietcombank", accountNumber, "UBMTTQ PHUONG"), Instant.EPOCH);
        return account;
    }

    private static ProblemFactory words() {
        org.springframework.context.support.ResourceBundleMessageSource messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasenames("problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ProblemFactory(messages);
    }

    private record Read(List<StatementLine> lines, List<StatementReader.RowError> errors) {
    }

    private static Read read(StatementColumns columns, byte[] file) {
        Read read = new Read(new ArrayList<>(), new ArrayList<>());
        new StatementReader(columns, (code, arguments) -> WORDS.message(code, java.util.Locale.ENGLISH, arguments))
                .read(file, read.lines::add, read.errors::add);
        return read;
    }
}
