package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import vn.ansinh.testkit.ApiClient;

/**
 * The office console's other pages, each through a real browser and checked with axe-core: possible
 * duplicates decided by an approver, staff accounts, the audit trail, funds with receipts, goods,
 * stock, a batch of donations and the public statement, a household's corrections and moves, and a
 * household file imported with its bad rows listed.
 */
class OfficeConsolePagesBrowserSystemTest {

    private static final String TAN_THANH_DONG = "27547";

    final Platform platform = Platform.get();

    @Test
    void anApproverMergesAPossibleDuplicateAndManagesAnAccount() {
        String console = platform.consoleUrl();
        String tag = letters(5);
        String district = platform.bearer("cu-chi-district");
        String first = household(district, "Đinh Văn " + tag, List.of(person("Đinh Văn " + tag, "1971-03-03", "MALE"),
                person("Lò Thị " + tag, "1975-06-07", "FEMALE")));
        // Typed again without marks, with a grandchild the first entry did not have.
        household(district, "Dinh Van " + tag, List.of(person("Dinh Van " + tag, "1971-03-03", "MALE"),
                person("Lo Thi " + tag, "1975-06-07", "FEMALE"), person("Đinh Thị Bé " + tag, "2020-02-02", "FEMALE")));

        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            // A household that is not there, or another office's: the same answer, in plain words.
            approver.open("/households/no-such-household");
            assertThat(approver.h1()).isEqualTo("Không tìm thấy");
            approver.checkPage("not-found");
            approver.open("/duplicates");
            approver.waitFor(page -> approver.text(By.id("cases")).contains("Đinh Văn " + tag));
            approver.checkPage("duplicates");
            approver.findAll(By.cssSelector("#cases li.case")).stream()
                    .filter(item -> item.getText().contains("Đinh Văn " + tag)).findFirst().orElseThrow()
                    .findElement(By.tagName("a")).click();
            approver.waitFor(page -> approver.h1().equals("Hai hộ có thể là một"));
            assertThat(approver.text(By.id("pair"))).contains("Đinh Văn " + tag, "Dinh Van " + tag);
            assertThat(approver.text(By.id("reasons"))).isNotBlank();
            assertThat(approver.text(By.id("merge-consequence"))).contains("Không thể hoàn tác");
            // Who is who on the other side, what agrees, and how the likeness adds up.
            assertThat(approver.findAll(By.cssSelector("#pair tr.matched"))).as("the couple, on both sides").hasSize(4);
            assertThat(approver.text(By.id("pair"))).contains("Là người số 1 ở hộ kia", "Là người số 2 ở hộ kia", "Không có ở hộ kia");
            assertThat(approver.findAll(By.cssSelector("#pair .same")).size()).as("names and dates that agree, marked").isGreaterThanOrEqualTo(8);
            assertThat(approver.text(By.id("evidence"))).contains("Họ tên (người giống nhau nhất)", "Giống hệt", "Thêm một người trùng",
                    "Trước khi so sánh", "Cộng lại: khả năng hai hộ là một");
            approver.checkPage("duplicate-view");
            approver.click(By.cssSelector("input[name=keep][value='" + first + "']"));
            approver.click(By.id("merge"));
            approver.waitFor(page -> approver.text(By.id("case-state")).equals("Đã gộp"));
            assertThat(approver.text(By.id("pair"))).contains("Hộ được giữ lại");
            assertThat(platform.registry.get("/api/v1/households/" + first, district).json().get("active").asBoolean()).isTrue();
            approver.open("/households/" + first);
            assertThat(approver.findAll(By.cssSelector("#members tbody tr"))).as("the couple once, the grandchild added").hasSize(3);
            assertThat(approver.text(By.id("merged-from"))).contains("thêm 1 người");
            approver.checkPage("household-merged-into");

            // A commune officer's account: created with a one-time code, then disabled.
            String username = "ho." + tag.toLowerCase() + ThreadLocalRandom.current().nextInt(1000);
            approver.open("/accounts");
            approver.checkPage("accounts");
            approver.click(By.id("new-account"));
            approver.waitFor(page -> approver.h1().equals("Tạo tài khoản"));
            approver.checkPage("account-form");
            approver.type(By.id("username"), username);
            approver.type(By.id("name"), "Hồ Thị Thu");
            approver.chooseValue(By.id("office"), TAN_THANH_DONG);
            approver.click(By.id("create-account"));
            approver.waitFor(page -> approver.h1().equals("Đã tạo tài khoản"));
            assertThat(approver.text(By.id("setup-code"))).hasSize(10);
            approver.checkPage("account-code");
            approver.open("/accounts/" + username);
            assertThat(approver.text(By.id("account-status"))).isEqualTo("Chờ đặt mật khẩu");
            approver.checkPage("account-view");
            approver.click(By.id("disable"));
            approver.waitFor(page -> approver.text(By.id("account-status")).equals("Đã khóa"));

            // The audit trail names who did it.
            approver.open("/audit?service=ISSUER&actor=cuchi.approver");
            approver.waitFor(page -> approver.text(By.tagName("main")).contains(username));
            approver.checkPage("audit");
            approver.open("/audit?service=REGISTRY&subject=" + first);
            approver.waitFor(page -> !approver.findAll(By.id("audit")).isEmpty());
            assertThat(approver.text(By.id("audit"))).contains("household.registered");
            String csv = new String(approver.download("/audit/export?service=REGISTRY&subject=" + first), StandardCharsets.UTF_8);
            assertThat(csv).contains("household.registered");
        }
    }

    @Test
    void anOfficerRecordsDonationsWithReceiptsGoodsAndABatchAndAnyoneReadsTheStatement() throws IOException {
        String console = platform.consoleUrl();
        String tag = letters(5);
        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("cuchi.approver", "cuchi-demo-password");
            officer.open("/funds");
            officer.checkPage("funds");
            officer.type(By.id("fund-name"), "Quỹ Tết " + tag);
            officer.type(By.id("fund-purpose"), "Quà Tết cho hộ nghèo");
            officer.click(By.id("open-fund"));
            officer.waitFor(page -> officer.h1().equals("Quỹ Tết " + tag));
            String fundId = officer.currentUrl().replaceAll(".*/funds/", "").replaceAll("\\?.*", "");
            officer.checkPage("fund");
            officer.type(By.id("amount"), "5.000.000");
            officer.type(By.id("donorName"), "Công ty TNHH Xuân Phát " + tag);
            officer.chooseValue(By.id("donorKind"), "BUSINESS");
            officer.click(By.id("receive"));
            officer.waitFor(page -> !officer.findAll(By.id("receipt")).isEmpty());
            assertThat(officer.text(By.id("receipt-amount"))).isEqualTo("5.000.000 ₫");
            assertThat(officer.text(By.id("receipt-words"))).isEqualTo("Năm triệu đồng chẵn");
            assertThat(officer.text(By.id("receipt-giver"))).contains("Xuân Phát");
            assertThat(officer.text(By.id("receipt"))).contains("PHIẾU THU", "Số: ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(officer.text(By.id("receipt-trace"))).as("where the donor can follow the gift")
                    .matches("Xem món quà này đã đến đâu: http://\\S+/public/donations/783-\\d{4}-\\d+/trace");
            officer.checkPage("receipt");
            officer.open("/funds/" + fundId);
            officer.waitFor(page -> officer.text(By.id("fund-available")).equals("5.000.000 ₫"));
            assertThat(officer.text(By.id("ledger"))).contains("5.000.000 ₫");

            // A batch of two rows: one taken, one refused with its line and reason.
            Path batch = Files.createTempFile("ung-ho-", ".csv");
            Files.writeString(batch, "fundId,amount,channel,reference\n" + fundId + ",250000,BANK,VCB-" + tag + "\n"
                    + fundId + ",-5,BANK,VCB-BAD-" + tag + "\n");
            officer.open("/donations/batch");
            officer.find(By.id("file")).sendKeys(batch.toAbsolutePath().toString());
            officer.click(By.id("upload"));
            officer.waitFor(page -> !officer.findAll(By.id("batch-counts")).isEmpty());
            assertThat(officer.text(By.id("batch-counts"))).isEqualTo("2 dòng: 1 dòng ghi nhận, 0 dòng đã có từ trước, 1 dòng bị từ chối.");
            assertThat(officer.text(By.id("batch-rows"))).contains("3", "Bị từ chối");
            officer.checkPage("donations-batch");

            // Goods into the office's stock.
            officer.open("/donations/goods");
            officer.checkPage("goods-form");
            officer.type(By.id("item0"), "Gạo " + tag);
            officer.type(By.id("unit0"), "kg");
            officer.type(By.id("quantity0"), "250");
            officer.type(By.id("value0"), "4.500.000");
            // Vegetables that had to go out by yesterday: they are never handed out, and the stock page says so.
            officer.type(By.id("item1"), "Rau " + tag);
            officer.type(By.id("unit1"), "kg");
            officer.type(By.id("quantity1"), "10");
            officer.script("arguments[0].value = arguments[1]", officer.find(By.id("expires1")),
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString());
            officer.click(By.id("receive-goods"));
            officer.waitFor(page -> !officer.findAll(By.id("receipt-items")).isEmpty());
            assertThat(officer.text(By.id("receipt-items"))).contains("Gạo " + tag, "250", "kg");
            officer.open("/stock");
            officer.waitFor(page -> officer.text(By.id("stock")).contains("Gạo " + tag));
            assertThat(officer.text(By.id("expired-lots"))).contains("Rau " + tag, "10 kg");
            officer.checkPage("stock");
        }
        // The statement, read by anyone without signing in.
        try (ConsoleBrowser resident = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            String fundId = null;
            for (tools.jackson.databind.JsonNode fund : platform.donation.get("/api/v1/funds?size=200",
                    platform.bearer("cu-chi-district")).json().get("content")) {
                if (fund.get("name").asString().equals("Quỹ Tết " + tag)) {
                    fundId = fund.get("id").asString();
                }
            }
            assertThat(fundId).isNotNull();
            resident.open("/public/funds/" + fundId + "/statement");
            resident.waitFor(page -> resident.text(By.id("statement-lines")).contains("Xuân Phát"));
            assertThat(resident.text(By.tagName("main"))).doesNotContainPattern("\\b0\\d{9}\\b");
            resident.checkPage("fund-statement-phone");
            // A named donor's gift can be followed from the statement: not spent yet, so all of it is still in the fund.
            resident.click(By.linkText("Công ty TNHH Xuân Phát " + tag));
            resident.waitFor(page -> resident.h1().equals("Món quà đã đến đâu"));
            assertThat(resident.text(By.tagName("main"))).contains("5.000.000 ₫ vào Quỹ Tết " + tag, "Còn lại trong quỹ: 5.000.000 ₫");
            resident.checkPage("gift-trace-phone");
        }
    }

    @Test
    void anOfficerSetsAFundsBankAccountImportsItsStatementAndWorksThroughWhatWaits() throws IOException {
        String console = platform.consoleUrl();
        String tag = letters(5);
        String account = "0071" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String fundId;
        String appealCode;
        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("cuchi.approver", "cuchi-demo-password");
            officer.open("/funds");
            officer.type(By.id("fund-name"), "Quỹ cứu trợ lũ " + tag);
            officer.click(By.id("open-fund"));
            officer.waitFor(page -> officer.h1().equals("Quỹ cứu trợ lũ " + tag));
            fundId = officer.currentUrl().replaceAll(".*/funds/", "").replaceAll("[?#].*", "");
            assertThat(officer.findAll(By.id("fund-vietqr"))).isEmpty();

            // A wrong account number is refused beside its field; then the right one gives the fund its code.
            officer.type(By.id("bankBin"), "970436");
            officer.type(By.id("bankName"), "Vietcombank");
            officer.type(By.id("accountNumber"), "007-ABC!");
            officer.type(By.id("accountName"), "UBMTTQ HUYEN CU CHI");
            officer.click(By.id("save-account"));
            officer.waitFor(page -> officer.findAll(By.cssSelector("#bank-account .has-error")).size() == 1);
            officer.type(By.id("accountNumber"), account);
            officer.click(By.id("save-account"));
            officer.waitFor(page -> !officer.findAll(By.id("transfer-code")).isEmpty());
            String code = officer.text(By.id("transfer-code"));
            assertThat(code).matches("AS[0-9A-Z]{6}");
            assertThat(officer.text(By.id("account-number"))).isEqualTo(account);
            officer.waitFor(page -> ((Number) officer.script("return arguments[0].naturalWidth", officer.find(By.id("fund-vietqr"))))
                    .intValue() == 480);
            officer.checkPage("fund-bank-account");

            // A campaign of the district raises money through the fund: its appeal gets a code of its own.
            String campaignBody = ApiClient.json(Map.of("name", "Hỗ trợ lũ " + tag, "officeUnitCode", "783",
                    "targetUnitCodes", List.of(TAN_THANH_DONG), "eligibility", Map.of("categories", List.of("POOR")),
                    "benefit", Map.of("cash", Map.of("fundId", fundId, "amountPerHousehold", 500_000))));
            String token = platform.bearer("cu-chi-district");
            await().atMost(Duration.ofSeconds(20)).until(() -> platform.distribution.postJson("/api/v1/campaigns", token, campaignBody)
                    .status() == 201);
            officer.open("/funds/" + fundId);
            officer.choose(By.id("appeal-campaign"), "Hỗ trợ lũ " + tag);
            officer.type(By.id("appeal-name"), "Ủng hộ đồng bào lũ " + tag);
            officer.click(By.id("open-appeal"));
            officer.waitFor(page -> !officer.findAll(By.cssSelector(".appeal-code")).isEmpty());
            appealCode = officer.text(By.cssSelector(".appeal-code"));
            assertThat(appealCode).matches("AS[0-9A-Z]{6}").isNotEqualTo(code);
            officer.waitFor(page -> ((Number) officer.script("return document.querySelector('.appeal-codes img').naturalWidth"))
                    .intValue() == 480);
            // Cash handed in at the desk for the same campaign.
            officer.type(By.id("amount"), "300.000");
            officer.choose(By.id("campaignId"), "Hỗ trợ lũ " + tag);
            officer.click(By.id("receive"));
            officer.waitFor(page -> !officer.findAll(By.id("receipt")).isEmpty());

            // The bank's statement: one transfer names the fund's code, one names nothing, one row cannot be read.
            Path statement = Files.createTempFile("sao-ke-", ".csv");
            Files.writeString(statement, """
                    SAO KÊ TÀI KHOẢN %1$s;;;;
                    Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung chi tiết
                    05/10/2021 08:00:00;FT%2$s1;;2.500.000;NGUYEN VAN AN UNG HO %3$s
                    05/10/2021 09:00:00;FT%2$s2;;700.000;ung ho dong bao
                    05/10/2021 10:00:00;FT%2$s3;;hai trieu;sai
                    """.formatted(account, tag, code), StandardCharsets.UTF_8);
            officer.open("/funds");
            officer.click(By.id("bank-statements-link"));
            officer.waitFor(page -> officer.h1().equals("Sao kê ngân hàng"));
            officer.find(By.id("file")).sendKeys(statement.toAbsolutePath().toString());
            officer.type(By.id("bank"), "VCB-" + tag);
            officer.chooseValue(By.id("col-separator"), ";");
            officer.click(By.id("upload-statement"));
            officer.waitFor(page -> !officer.findAll(By.id("job-counts")).isEmpty());
            assertThat(officer.text(By.id("job-recorded"))).isEqualTo("1");
            assertThat(officer.text(By.id("job-unmatched"))).isEqualTo("1");
            assertThat(officer.text(By.id("job-refused"))).isEqualTo("1");
            assertThat(officer.text(By.id("job-errors"))).contains("hai trieu");
            officer.checkPage("bank-statements");

            // The transfer that named nothing: the officer puts it into the fund.
            By waiting = By.cssSelector("#waiting-credits tr[data-reference='FT" + tag + "2']");
            officer.chooseValue(By.cssSelector("#waiting-credits tr[data-reference='FT" + tag + "2'] select"), fundId);
            officer.click(By.cssSelector("#waiting-credits tr[data-reference='FT" + tag + "2'] form:first-of-type button"));
            officer.waitFor(page -> officer.findAll(waiting).isEmpty() && officer.text(By.tagName("main")).contains("Đã ghi khoản có vào quỹ"));
            officer.open("/funds/" + fundId);
            officer.waitFor(page -> officer.text(By.id("fund-available")).equals("3.500.000 ₫"));
        }
        // Anyone reads the statement with the fund's code to give by transfer.
        try (ConsoleBrowser resident = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            resident.open("/public/funds/" + fundId + "/statement");
            resident.waitFor(page -> !resident.findAll(By.id("public-transfer-code")).isEmpty());
            assertThat(resident.text(By.id("give-by-transfer"))).contains(account, "UBMTTQ HUYEN CU CHI", "Ủng hộ đồng bào lũ " + tag,
                    appealCode);
            resident.waitFor(page -> ((Number) resident.script("return document.querySelector('#give-by-transfer img').naturalWidth"))
                    .intValue() == 480);
            resident.checkPage("fund-statement-transfer-phone");
        }
    }

    @Test
    void anOfficerCorrectsMovesAndStopsFollowingAHouseholdAndImportsAFile() throws IOException {
        String console = platform.consoleUrl();
        String tag = letters(5);
        String id = household(platform.bearer("cu-chi-district"), "Mai Văn " + tag, List.of(person("Mai Văn " + tag, "1980-06-06", "MALE")));
        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("cuchi.approver", "cuchi-demo-password");
            officer.open("/households/" + id);
            officer.click(By.id("edit-household"));
            officer.waitFor(page -> officer.h1().equals("Sửa thông tin hộ"));
            officer.checkPage("household-edit");
            officer.click(By.id("add-member"));
            officer.type(By.id("members-1-fullName"), "Mai Thị " + tag);
            officer.type(By.id("members-1-dateOfBirth"), "07/07/2010");
            officer.choose(By.id("members-1-gender"), "Nữ");
            officer.choose(By.id("members-1-relation"), "Con");
            officer.click(By.id("save-changes"));
            officer.waitFor(page -> officer.text(By.id("members")).contains("Mai Thị " + tag));

            officer.choose(By.id("status"), "Hộ nghèo");
            officer.type(By.id("status-reason"), "Rà soát cuối năm");
            officer.click(By.id("change-status"));
            officer.waitFor(page -> officer.text(By.id("poverty-history")).contains("Rà soát cuối năm"));
            assertThat(officer.text(By.id("poverty-status"))).isEqualTo("Hộ nghèo");

            officer.chooseValue(By.id("move-unit"), "27496");
            officer.type(By.id("move-hamlet"), "Khu phố 3");
            officer.type(By.id("move-reason"), "Chuyển về ở với con");
            officer.click(By.id("move"));
            officer.waitFor(page -> officer.text(By.id("address-history")).contains("Chuyển về ở với con"));
            officer.checkPage("household-view-history");

            officer.click(By.id("deactivate-deceased"));
            officer.click(By.id("deactivate"));
            officer.waitFor(page -> officer.text(By.tagName("main")).contains("Đã mất"));
            assertThat(officer.findAll(By.id("edit-household"))).isEmpty();

            // A file of households: the bad row is listed with its line and reason.
            Path file = Files.createTempFile("ho-", ".csv");
            Files.writeString(file, "Mã hộ;Họ và tên;Ngày sinh;Giới tính;Quan hệ với chủ hộ;Mã xã;Ấp/Thôn\n"
                    + "H1;Lý Văn " + tag + ";02/03/1958;Nam;Chủ hộ;27547;Ấp 1\n"
                    + "H2;Lý Thị " + tag + ";31/02/1970;Nữ;Chủ hộ;27547;Ấp 1\n");
            officer.open("/households/import");
            officer.checkPage("households-import");
            officer.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            officer.click(By.id("upload"));
            officer.waitFor(page -> officer.h1().equals("Tiến độ nhập danh sách"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                officer.driver.navigate().refresh();
                return officer.text(By.id("job-state")).equals("Xong");
            });
            assertThat(officer.text(By.id("job-counts"))).contains("Đã xử lý 2/2 dòng: 1 dòng nhận, 1 dòng lỗi");
            assertThat(officer.text(By.id("job-errors"))).contains("3", "31/02/1970");
            assertThat(officer.find(By.id("progress")).getAttribute("value")).isEqualTo("100");
            officer.checkPage("households-import-job");
            officer.open("/households/import");
            assertThat(officer.text(By.id("jobs"))).contains(file.getFileName().toString());
        }
    }

    @Test
    void anOfficeRegistersItsOrganisationsOpensAFundForOneAndThePublicReadsItsMoneyByOrganisation() {
        String console = platform.consoleUrl();
        String tag = letters(5);
        String code = "PN-" + tag.toUpperCase();
        String union = "Hội Liên hiệp Phụ nữ huyện Củ Chi " + tag;
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/organisations");
            approver.waitFor(page -> approver.h1().equals("Tổ chức của đơn vị"));
            // A code typed in lower case is the same code; a name left out is said so, and nothing is registered.
            approver.type(By.id("code"), code.toLowerCase());
            approver.click(By.id("register-organisation"));
            approver.waitFor(page -> !approver.findAll(By.id("error-summary")).isEmpty());
            assertThat(approver.text(By.id("error-summary"))).contains("Nhập tên tổ chức");
            assertThat(approver.findAll(By.id("organisations")).isEmpty()
                    || !approver.text(By.id("organisations")).contains(code)).isTrue();
            approver.type(By.id("name"), union);
            approver.click(By.id("register-organisation"));
            approver.waitFor(page -> approver.text(By.tagName("main")).contains("Đã đăng ký " + union));
            assertThat(approver.text(By.id("organisations"))).contains(code, union);
            approver.checkPage("organisations");

            // A fund of the union: the list says whose it is.
            approver.open("/funds");
            approver.type(By.id("fund-name"), "Quỹ Phụ nữ giúp nhau " + tag);
            approver.chooseValue(By.id("fund-organisation"), code);
            approver.click(By.id("open-fund"));
            approver.waitFor(page -> approver.h1().equals("Quỹ Phụ nữ giúp nhau " + tag));
            assertThat(approver.text(By.id("fund-owner"))).contains(union);
            approver.type(By.id("amount"), "2.000.000");
            approver.type(By.id("donorName"), "Chị em ấp 3 " + tag);
            approver.click(By.id("receive"));
            approver.waitFor(page -> !approver.findAll(By.id("receipt")).isEmpty());
            approver.open("/funds");
            String row = approver.findAll(By.cssSelector("#funds tbody tr")).stream()
                    .filter(line -> line.getText().contains("Quỹ Phụ nữ giúp nhau " + tag)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("td.organisation")).getText();
            assertThat(row).isEqualTo(union);

            // An account that acts for the union.
            String username = "pn." + tag.toLowerCase() + ThreadLocalRandom.current().nextInt(1000);
            approver.open("/accounts/new");
            assertThat(approver.findAll(By.cssSelector("#organisation option")).stream().map(option -> option.getAttribute("value")))
                    .contains("", code);
            approver.type(By.id("username"), username);
            approver.type(By.id("name"), "Trần Thị Mai");
            approver.chooseValue(By.id("organisation"), code);
            approver.click(By.id("create-account"));
            approver.waitFor(page -> approver.h1().equals("Đã tạo tài khoản"));
            approver.open("/accounts/" + username);
            assertThat(approver.text(By.id("account-organisation"))).isEqualTo(union);
        }
        // Anyone reads the district's money, the office's own and the union's, without signing in.
        try (ConsoleBrowser resident = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            resident.open("/public/offices/783/statement");
            By unionPart = By.cssSelector("#office-parts tbody[data-organisation='" + code + "']");
            resident.waitFor(page -> !resident.findAll(unionPart).isEmpty()
                    && resident.find(unionPart).findElement(By.cssSelector("tr.part td.in")).getText().equals("2.000.000 ₫"));
            assertThat(resident.text(unionPart)).contains(union, "Quỹ Phụ nữ giúp nhau " + tag);
            assertThat(resident.text(By.id("office-parts"))).as("the office's own funds, a part of their own").contains("Quỹ của ");
            assertThat(resident.text(By.tagName("main"))).doesNotContainPattern("\\b0\\d{9}\\b");
            resident.checkPage("office-statement-phone");
            // The union alone: its part is the whole of what is shown.
            resident.find(unionPart).findElement(By.cssSelector("a.only")).click();
            resident.waitFor(page -> resident.findAll(By.cssSelector("#office-parts tbody")).size() == 1);
            assertThat(resident.text(By.cssSelector("#office-total .in"))).isEqualTo("2.000.000 ₫");
            assertThat(resident.text(By.cssSelector("#office-total .closing"))).isEqualTo("2.000.000 ₫");
        }
    }

    @Test
    void anOfficeFollowsSponsorshipsBehindTheHousesOfTheYearAndWhatATwinnedAgencyGave() {
        String console = platform.consoleUrl();
        String tag = letters(5);
        String district = platform.bearer("cu-chi-district");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String family = household(district, "Ksor " + tag, List.of(person("Ksor " + tag, "1980-01-01", "MALE")));
        // Three instalments of 200,000 fell due and none was paid. distribution-service learns of the family from the registry's event.
        String sponsorship = ApiClient.json(Map.of("officeUnitCode", "783", "householdId", family, "sponsor", "Đoàn xã " + tag,
                "purpose", "Đỡ đầu học sinh", "amount", 200_000, "everyMonths", 1,
                "startsOn", today.minusMonths(2).withDayOfMonth(1).toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.distribution.postJson("/api/v1/sponsorships", district, sponsorship)
                .status() == 201);
        String agency = "Sở Tài chính " + tag;
        String twinning = platform.distribution.postJson("/api/v1/twinnings", district, ApiClient.json(Map.of("officeUnitCode", "783",
                "agency", agency, "unitCode", TAN_THANH_DONG, "village", "Làng " + tag, "since", today.minusYears(2).toString())))
                .json().get("id").asString();
        // The same village was twinned before with another agency, which gave cash in its last year.
        String earlier = platform.distribution.postJson("/api/v1/twinnings", district, ApiClient.json(Map.of("officeUnitCode", "783",
                "agency", "Công an huyện " + tag, "unitCode", TAN_THANH_DONG, "village", "Làng " + tag,
                "since", today.minusYears(6).toString()))).json().get("id").asString();
        assertThat(platform.distribution.postJson("/api/v1/twinnings/" + earlier + "/contributions", district, ApiClient.json(Map.of(
                "kind", "CASH", "on", today.minusYears(3).toString(), "value", 5_000_000))).status()).isEqualTo(201);
        assertThat(platform.distribution.postJson("/api/v1/twinnings/" + earlier + "/end", district, ApiClient.json(Map.of(
                "on", today.minusYears(3).plusDays(1).toString(), "reason", "Hết nhiệm kỳ"))).status()).isEqualTo(200);
        assertThat(platform.distribution.postJson("/api/v1/twinnings/" + twinning + "/contributions", district, ApiClient.json(Map.of(
                "kind", "GIFTS", "on", today.toString(), "quantity", 40, "value", 20_000_000))).status()).isEqualTo(201);
        ApiClient.Response house = platform.distribution.postJson("/api/v1/houses", district, ApiClient.json(Map.of("officeUnitCode", "783",
                "householdId", family, "kind", "BUILD", "estimatedCost", 50_000_000, "twinningId", twinning,
                "approvedOn", today.minusDays(30).toString())));
        assertThat(house.status()).as(house.body()).isEqualTo(201);
        assertThat(platform.distribution.postJson("/api/v1/houses/" + house.json().get("id").asString() + "/hand-over", district,
                ApiClient.json(Map.of("on", today.toString(), "cost", 55_000_000))).status()).isEqualTo(200);

        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/care");
            approver.waitFor(page -> approver.h1().equals("Chăm lo lâu dài"));
            String behind = approver.findAll(By.cssSelector("#sponsorships-behind tbody tr")).stream()
                    .filter(row -> row.getText().contains("Đoàn xã " + tag)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("td.arrears")).getText();
            assertThat(behind).isEqualTo("600.000 ₫");
            String built = approver.find(By.cssSelector("#house-counts tr[data-unit='" + TAN_THANH_DONG + "'] td.built")).getText();
            assertThat(Integer.parseInt(built)).as("the house handed over today").isGreaterThanOrEqualTo(1);
            approver.checkPage("care");
            approver.click(By.linkText(agency));
            approver.waitFor(page -> approver.h1().equals("Kết nghĩa: " + agency));
            By thisYear = By.cssSelector("#twinning-years tr[data-year='" + today.getYear() + "']");
            assertThat(approver.text(thisYear)).contains("Quà: 40", "75.000.000 ₫");
            assertThat(approver.text(By.cssSelector("#twinning-total .built"))).isEqualTo("1");
            assertThat(approver.findAll(By.cssSelector("#twinning-years tbody tr"))).as("this year and the two before").hasSize(3);
            approver.checkPage("care-twinning");
            // The village across both agencies.
            approver.click(By.id("village-report"));
            approver.waitFor(page -> approver.h1().equals("Kết nghĩa với Làng " + tag));
            assertThat(approver.findAll(By.cssSelector("#village-agencies tbody tr"))).hasSize(2);
            assertThat(approver.text(By.id("village-agencies"))).contains(agency, "Công an huyện " + tag, "Đang kết nghĩa");
            assertThat(approver.text(By.cssSelector("#village-total .value"))).isEqualTo("80.000.000 ₫");
            assertThat(approver.text(By.cssSelector("#twinning-years tr[data-year='" + today.minusYears(3).getYear() + "']")))
                    .contains("Tiền mặt", "5.000.000 ₫");
            approver.checkPage("care-village");

            // The sponsor paid 400,000 of the 600,000 owed: recorded against the sponsorship, the oldest instalments first.
            approver.open("/care");
            approver.click(By.linkText("Đoàn xã " + tag));
            approver.waitFor(page -> approver.h1().equals("Đỡ đầu: Đoàn xã " + tag));
            assertThat(approver.text(By.id("sponsorship-arrears"))).isEqualTo("600.000 ₫");
            approver.type(By.id("amount"), "không biết");
            approver.click(By.id("record-payment"));
            approver.waitFor(page -> !approver.findAll(By.id("error-summary")).isEmpty());
            approver.type(By.id("amount"), "400.000");
            approver.type(By.id("reference"), "BL-" + tag);
            approver.click(By.id("record-payment"));
            approver.waitFor(page -> approver.text(By.tagName("main")).contains("Đã ghi nhận 400.000 ₫"));
            assertThat(approver.text(By.id("sponsorship-arrears"))).isEqualTo("200.000 ₫");
            assertThat(approver.findAll(By.cssSelector("#instalments td.state")).stream().map(cell -> cell.getText()).toList())
                    .startsWith("Đã trả đủ", "Đã trả đủ", "Quá hạn");
            assertThat(approver.text(By.id("payments"))).contains("BL-" + tag, "400.000 ₫");
            approver.checkPage("care-sponsorship");

            // From the household's page: a second sponsor, then a kitchen repair approved, begun and handed over.
            approver.open("/households/" + family);
            approver.click(By.id("pledge-sponsorship"));
            approver.waitFor(page -> approver.h1().equals("Nhận đỡ đầu"));
            approver.checkPage("care-sponsorship-new");
            approver.type(By.id("sponsor"), "Hội Phụ nữ " + tag);
            approver.type(By.id("purpose"), "Mẹ đỡ đầu");
            approver.type(By.id("amount"), "300.000");
            approver.chooseValue(By.id("everyMonths"), "3");
            approver.click(By.id("pledge"));
            approver.waitFor(page -> approver.h1().equals("Đỡ đầu: Hội Phụ nữ " + tag));
            assertThat(approver.text(By.id("sponsorship-arrears"))).as("the first quarter falls today").isEqualTo("300.000 ₫");
            approver.open("/households/" + family);
            approver.click(By.id("approve-house-link"));
            approver.waitFor(page -> approver.h1().equals("Duyệt hỗ trợ nhà ở"));
            approver.checkPage("care-house-new");
            approver.click(By.id("kind-REPAIR"));
            approver.type(By.id("estimatedCost"), "12.000.000");
            approver.click(By.id("approve-house"));
            approver.waitFor(page -> approver.h1().equals("Nhà đang làm"));
            By row = By.cssSelector("#houses-underway tr[data-household='" + family + "']");
            assertThat(approver.text(row)).contains("Sửa chữa", "12.000.000 ₫", "Đã duyệt");
            approver.checkPage("care-houses");
            approver.find(row).findElement(By.cssSelector("button.start")).click();
            approver.waitFor(page -> approver.text(row).contains("Đang xây"));
            approver.type(By.cssSelector("#houses-underway tr[data-household='" + family + "'] input[name=cost]"), "11.500.000");
            approver.find(row).findElement(By.cssSelector("button.hand-over")).click();
            approver.waitFor(page -> approver.text(By.tagName("main")).contains("Đã ghi nhận bàn giao nhà"));
            assertThat(approver.findAll(row)).isEmpty();
            assertThat(approver.text(By.id("houses-handed-over"))).contains("11.500.000 ₫");

            // The veterans' association twins with another hamlet and gives it health-insurance cards.
            approver.open("/care");
            approver.click(By.id("new-twinning"));
            approver.waitFor(page -> approver.h1().equals("Ghi nhận kết nghĩa"));
            approver.checkPage("care-twinning-new");
            approver.type(By.id("agency"), "Hội Cựu chiến binh " + tag);
            approver.chooseValue(By.id("unitCode"), TAN_THANH_DONG);
            approver.type(By.id("village"), "Ấp 5");
            approver.click(By.id("agree-twinning"));
            approver.waitFor(page -> approver.h1().equals("Kết nghĩa: Hội Cựu chiến binh " + tag));
            approver.chooseValue(By.id("kind"), "HEALTH_INSURANCE_CARDS");
            approver.type(By.id("quantity"), "12");
            approver.type(By.id("value"), "9.000.000");
            approver.click(By.id("record-contribution"));
            approver.waitFor(page -> approver.text(By.tagName("main")).contains("Đã ghi nhận."));
            assertThat(approver.text(thisYear)).contains("Thẻ bảo hiểm y tế: 12", "9.000.000 ₫");
            approver.type(By.id("end-reason"), "Cơ quan sáp nhập");
            approver.click(By.id("end-twinning"));
            approver.waitFor(page -> approver.text(By.tagName("main")).contains("Đã kết thúc kết nghĩa."));
            assertThat(approver.text(By.id("twinning-ended"))).startsWith("Kết thúc ngày");
            assertThat(approver.findAll(By.id("record-contribution"))).as("nothing more under an ended twinning").isEmpty();

            // A house approved and then not built: the family moved away.
            assertThat(platform.distribution.postJson("/api/v1/houses", district, ApiClient.json(Map.of("officeUnitCode", "783",
                    "householdId", family, "kind", "REPAIR", "estimatedCost", 3_000_000))).status()).isEqualTo(201);
            approver.open("/care/houses");
            approver.type(By.cssSelector("#houses-underway tr[data-household='" + family + "'] input[name=reason]"), "Gia đình chuyển đi");
            approver.find(row).findElement(By.cssSelector("button.cancel")).click();
            approver.waitFor(page -> approver.text(By.tagName("main")).contains("Đã hủy hỗ trợ nhà ở."));
            assertThat(approver.findAll(row)).isEmpty();
        }
    }

    private static Map<String, Object> person(String name, String born, String gender) {
        return Map.of("fullName", name, "dateOfBirth", born, "gender", gender);
    }

    private String household(String token, String head, List<Map<String, Object>> members) {
        ApiClient.Response registered = platform.registry.postJson("/api/v1/households", token, ApiClient.json(Map.of("headName", head,
                "members", members,
                "address", Map.of("unitCode", TAN_THANH_DONG, "hamlet", "Ấp 4"), "categories", List.of("POOR"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    private static String letters(int n) {
        StringBuilder text = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        text.append((char) ('A' + random.nextInt(26)));
        for (int i = 1; i < n; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
