package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;

/**
 * A relief round driven only through the office console by three people: a commune officer
 * registers households (one shown as a possible duplicate held by another commune) and submits the
 * commune's part of the list; the district approver creates the campaign, generates the list and
 * approves it once every part is in (the button says why it waits); a field officer with a new
 * account hands the aid out on a 390-px phone, one delivery while the phone is offline, sent when it
 * comes back; a second attempt on a served household says who served it. Afterwards the API and the
 * dashboard's figures agree and the audit trail names each person.
 */
class ReliefRoundBrowserSystemTest {

    private static final String TAN_THANH_DONG = "27547";
    private static final String THI_TRAN_CU_CHI = "27496";

    final Platform platform = Platform.get();

    @Test
    void aReliefRoundThroughTheConsoleByThreePeople() throws IOException {
        String console = platform.consoleUrl();
        String tag = letters(4);
        String district = platform.bearer("cu-chi-district");
        // Preconditions through the APIs: money in the district's fund, a family the town already holds,
        // and an account for the field officer (set up by the person on the issuer's page below).
        String fundId = platform.donation.postJson("/api/v1/funds", district, ApiClient.json(Map.of("name", "Quỹ phòng chống dịch " + tag,
                "officeUnitCode", "783", "purpose", "Hỗ trợ hộ trong vùng phong tỏa"))).json().get("id").asString();
        assertThat(platform.donation.postJson("/api/v1/donations", district, ApiClient.json(Map.of("fundId", fundId,
                "amount", 2_000_000_000L, "channel", "BANK", "reference", "VCB-RELIEF-" + tag + System.nanoTime()))).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.donation.get("/api/v1/funds/" + fundId, district).json()
                .get("available").asLong() == 2_000_000_000L);
        String twice = "Huỳnh Văn " + tag;
        assertThat(platform.registry.postJson("/api/v1/households", district, ApiClient.json(Map.of("headName", twice,
                "members", List.of(Map.of("fullName", twice, "dateOfBirth", "1966-05-02", "gender", "MALE", "relation", "HEAD")),
                "address", Map.of("unitCode", THI_TRAN_CU_CHI), "categories", List.of("LOCKDOWN_ZONE")))).status()).isEqualTo(201);
        String fieldUser = "field." + tag.toLowerCase() + ThreadLocalRandom.current().nextInt(1000);
        ApiClient.Response account = new ApiClient(platform.issuerUrl).postJson("/api/v1/users", platform.bearer("cu-chi-district"),
                ApiClient.json(Map.of("username", fieldUser, "name", "Phạm Văn Tư", "office", TAN_THANH_DONG, "roles", List.of("OFFICER"))));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String setupCode = account.json().get("setupCode").asString();

        // 1. The commune officer registers two households; the second is a family the town already holds.
        String first = "Lê Văn " + tag;
        String firstId;
        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("tanthanhdong.officer", "tanthanhdong-demo-password");
            officer.open("/households/new");
            fill(officer, first, "14/02/1979", "Nam");
            officer.click(By.id("members-0-kind-LOST_INCOME_WORKER"));
            officer.click(By.id("continue"));
            officer.waitFor(page -> officer.h1().equals("Kiểm tra trước khi lưu"));
            officer.click(By.id("save"));
            officer.waitFor(page -> officer.h1().equals("Hộ " + first));
            firstId = officer.currentUrl().replaceAll(".*/households/", "");
            assertThat(officer.text(By.id("members"))).contains("Lao động mất việc, giảm thu nhập");
            officer.open("/households/new");
            fill(officer, twice, "02/05/1966", "Nam");
            officer.click(By.id("continue"));
            officer.waitFor(page -> officer.h1().equals("Kiểm tra trước khi lưu"));
            assertThat(officer.text(By.id("duplicates"))).contains("Có thể trùng với một hộ ở Thị trấn Củ Chi");
            officer.click(By.id("save"));
            officer.waitFor(page -> officer.h1().equals("Hộ " + twice));
        }

        // 2. The district approver creates the campaign and generates its list.
        String campaignName = "Hỗ trợ vùng phong tỏa " + tag;
        String campaignId;
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/campaigns");
            approver.checkPage("campaigns");
            approver.click(By.id("new-campaign"));
            approver.waitFor(page -> approver.h1().equals("Tạo chương trình"));
            approver.checkPage("campaign-form");
            approver.type(By.id("name"), campaignName);
            approver.click(By.id("target-" + TAN_THANH_DONG));
            approver.click(By.id("target-" + THI_TRAN_CU_CHI));
            approver.click(By.id("category-LOCKDOWN_ZONE"));
            approver.type(By.id("cashPerHousehold"), "500.000");
            approver.chooseValue(By.id("fundId"), fundId);
            approver.click(By.id("create"));
            approver.waitFor(page -> approver.h1().equals(campaignName));
            campaignId = approver.currentUrl().replaceAll(".*/campaigns/", "");
            assertThat(approver.text(By.id("benefit"))).contains("500.000 ₫");
            // The registry's households reach distribution-service as events: generated again until both are there.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                approver.open("/campaigns/" + campaignId);
                approver.click(By.id("generate"));
                approver.waitFor(page -> !approver.findAll(By.cssSelector(".notice.success")).isEmpty()
                        || !approver.findAll(By.cssSelector(".notice.warning")).isEmpty());
                approver.open("/campaigns/" + campaignId + "/parts/" + TAN_THANH_DONG);
                String list = approver.text(By.id("entitlements"));
                return list.contains(first) && list.contains(twice);
            });
            approver.checkPage("campaign-part");
        }

        // 3. The commune officer reviews and submits the commune's part.
        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("tanthanhdong.officer", "tanthanhdong-demo-password");
            officer.open("/campaigns/" + campaignId + "/parts/" + TAN_THANH_DONG);
            assertThat(officer.text(By.id("entitlements"))).contains(first, twice);
            // Taken off by mistake, and put back: both with a reason the list keeps.
            officer.type(By.id("remove-reason-" + firstId), "Nhầm hộ");
            officer.find(By.id("remove-reason-" + firstId)).findElement(By.xpath("./following-sibling::button")).click();
            officer.waitFor(page -> !officer.findAll(By.id("removed")).isEmpty());
            assertThat(officer.text(By.id("removed"))).contains(first, "Nhầm hộ", "tanthanhdong.officer");
            officer.type(By.id("add-q"), "le van " + tag.toLowerCase());
            officer.click(By.id("add-search"));
            officer.type(By.id("add-reason-" + firstId), "Đã xác minh lại");
            officer.find(By.id("add-reason-" + firstId)).findElement(By.xpath("./following-sibling::button")).click();
            officer.waitFor(page -> officer.text(By.id("entitlements")).contains(first));
            officer.checkPage("campaign-part-commune");
            officer.click(By.id("submit-part"));
            officer.waitFor(page -> !officer.findAll(By.id("part-submitted")).isEmpty());
            assertThat(officer.text(By.id("part-submitted"))).contains("tanthanhdong.officer");
            assertThat(officer.findAll(By.id("submit-part"))).as("a submitted part cannot be changed").isEmpty();
        }

        // 4. The approver: the button waits for the town's part, and says so; then approves.
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/campaigns/" + campaignId);
            assertThat(approver.find(By.id("approve")).isEnabled()).isFalse();
            assertThat(approver.text(By.id("approve-why"))).isEqualTo("Chưa phê duyệt được: còn chờ Thị trấn Củ Chi nộp danh sách.");
            approver.checkPage("campaign-waiting");
            approver.open("/campaigns/" + campaignId + "/parts/" + THI_TRAN_CU_CHI);
            approver.click(By.id("submit-part"));
            approver.waitFor(page -> !approver.findAll(By.id("part-submitted")).isEmpty());
            approver.open("/campaigns/" + campaignId);
            approver.click(By.id("approve"));
            approver.waitFor(page -> approver.text(By.id("campaign-state")).equals("Đang cấp phát"));
            assertThat(approver.text(By.id("reserved"))).contains("Đã giữ đủ tiền và hàng");
            approver.checkPage("campaign-active");
            approver.open("/campaigns/" + campaignId + "/pending?unit=" + TAN_THANH_DONG);
            assertThat(approver.text(By.id("pending"))).contains(first, twice);
            approver.checkPage("campaign-pending");

            // The commune's signing sheet, as the office prints it.
            byte[] xlsx = approver.download("/campaigns/" + campaignId + "/parts/" + TAN_THANH_DONG + "/sheet.xlsx");
            List<String> cells = new ArrayList<>();
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                for (Row row : workbook.getFirstSheet().read()) {
                    row.forEach(cell -> cells.add(cell == null ? "" : cell.getText()));
                }
            }
            assertThat(cells).contains("ỦY BAN NHÂN DÂN XÃ TÂN THẠNH ĐÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "DANH SÁCH KÝ NHẬN", campaignName, "Ký nhận", first, twice, "500.000 đ", "Người lập biểu", "Kế toán", "Chủ tịch");
            byte[] pdf = approver.download("/campaigns/" + campaignId + "/parts/" + TAN_THANH_DONG + "/sheet.pdf");
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.length).as("a font is embedded, so diacritics print").isGreaterThan(20_000);
        }

        // 5. A commune officer opens the field list on a phone before anyone hands anything out.
        try (ConsoleBrowser stale = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE);
             ConsoleBrowser field = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            stale.signIn("tanthanhdong.officer", "tanthanhdong-demo-password");
            stale.open("/field/" + campaignId);
            stale.waitFor(page -> !stale.findAll(By.id("waiting")).isEmpty());

            // 6. The field officer sets up the new account, signs in and hands out on a phone.
            field.driver.get(platform.issuerUrl + "/setup");
            field.type(By.id("username"), fieldUser);
            field.type(By.id("code"), setupCode);
            field.type(By.id("password"), "Rice-for-Tan-Thanh-Dong-2026");
            field.type(By.id("repeat"), "Rice-for-Tan-Thanh-Dong-2026");
            field.click(By.cssSelector("form button[type=submit]"));
            field.waitFor(page -> page.getCurrentUrl().startsWith(platform.issuerUrl + "/login"));
            field.signIn(fieldUser, "Rice-for-Tan-Thanh-Dong-2026");
            field.open("/field");
            field.checkPage("field-campaigns-phone");
            field.click(By.linkText(campaignName));
            field.waitFor(page -> !field.findAll(By.id("waiting")).isEmpty());
            field.waitFor(page -> field.text(By.id("network")).equals("Trực tuyến"));
            field.checkPage("field-phone");
            field.type(By.id("find"), "le van " + tag.toLowerCase());
            assertThat(visibleNames(field)).containsExactly(first);
            assertThat(line(field, first).findElement(By.className("name")).getRect().getWidth())
                    .as("the household's name is readable on the phone, not hidden with the bar's 'signed in as'").isGreaterThan(40);
            // A photo of the handover, as a phone's camera takes it (larger than the service keeps): shrunk on the phone.
            line(field, first).findElement(By.cssSelector("details.proof summary")).click();
            line(field, first).findElement(By.cssSelector("input.photo")).sendKeys(cameraPhoto().toString());
            deliver(field, first);
            field.waitFor(page -> line(field, first).getText().contains("Đã nhận – Phạm Văn Tư trao lúc"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String deliveryId = null;
                for (JsonNode delivery : platform.distribution.get("/api/v1/campaigns/" + campaignId + "/deliveries?unit=" + TAN_THANH_DONG,
                        district).json().path("content")) {
                    if (firstId.equals(delivery.path("householdId").asString())) {
                        deliveryId = delivery.path("id").asString();
                    }
                }
                assertThat(deliveryId).isNotNull();
                ApiClient.Response proof = platform.distribution.get("/api/v1/deliveries/" + deliveryId + "/proof", district);
                assertThat(proof.status()).isEqualTo(200);
                assertThat(proof.contentType()).as("the camera's PNG, shrunk to a JPEG on the phone").isEqualTo("image/jpeg");
            });

            // 7. The signal drops: the next delivery waits on the phone, survives a reload, and goes when it returns.
            field.find(By.id("find")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    org.openqa.selenium.Keys.BACK_SPACE);
            field.waitFor(page -> visibleNames(field).contains(twice));
            field.script("return navigator.serviceWorker.ready.then(() => true);");
            field.offline(true);
            field.waitFor(page -> field.text(By.id("network")).startsWith("Đang ngoại tuyến"));
            deliver(field, twice);
            field.waitFor(page -> field.text(By.id("network")).equals("Đang ngoại tuyến – 1 lượt chờ gửi"));
            assertThat(line(field, twice).getText()).contains("Chờ gửi");
            field.screenshot("field-phone-offline");
            field.driver.navigate().refresh();
            field.waitFor(page -> !field.findAll(By.id("network")).isEmpty() && line(field, twice).getText().contains("Chờ gửi"));
            field.offline(false);
            field.waitFor(page -> line(field, twice).getText().contains("Đã nhận – Phạm Văn Tư")
                    && field.text(By.id("network")).equals("Trực tuyến"));

            // 8. The stale list: handing out to a household served meanwhile says who served it and when.
            deliver(stale, first);
            stale.waitFor(page -> !stale.find(By.id("conflicts")).getText().isEmpty());
            assertThat(stale.text(By.id("conflicts"))).startsWith(first + ": đã được Phạm Văn Tư trao lúc");
            stale.screenshot("field-phone-conflict");
            stale.open("/field/" + campaignId);
            assertThat(stale.text(By.id("served"))).contains(first, "Phạm Văn Tư");
        }

        // 9. The approver closes the round: what was reserved for the household not reached goes back to the fund.
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/campaigns/" + campaignId);
            // Other tests' households of the town may be on the list too: the page names how many are left.
            long pending = platform.distribution.get("/api/v1/campaigns/" + campaignId + "/progress", district).json()
                    .get("pending").asLong();
            assertThat(pending).isPositive();
            assertThat(approver.text(By.tagName("main"))).contains("Kết thúc chương trình: "
                    + String.format("%,d", pending).replace(',', '.') + " hộ chưa nhận");
            approver.type(By.id("close-reason"), "Hết đợt phong tỏa");
            approver.click(By.id("close"));
            approver.waitFor(page -> approver.text(By.id("campaign-state")).equals("Đã kết thúc"));
            approver.checkPage("campaign-closed");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.donation.get("/api/v1/funds/" + fundId, district).json()
                .get("reserved").asLong() == 0);

        // 9b. Verification after delivery: the approver draws every delivery with a seed, the national auditor
        // asks the households — one did not receive its aid — and the approver answers the case it opened.
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/campaigns/" + campaignId);
            approver.click(By.id("verification-link"));
            approver.waitFor(page -> approver.h1().startsWith("Kiểm tra sau khi trao"));
            approver.type(By.id("sharePercent"), "100");
            approver.type(By.id("seed"), "20251201");
            approver.click(By.id("draw"));
            approver.waitFor(page -> !approver.findAll(By.cssSelector(".notice.success")).isEmpty());
            assertThat(approver.text(By.cssSelector(".notice.success"))).contains("Đã chọn 2 lượt trao");
            assertThat(approver.text(By.id("verification-samples"))).contains("số mầm 20251201");
            approver.checkPage("verification-drawn");
        }
        try (ConsoleBrowser auditor = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            auditor.signIn("auditor", "auditor-demo-password");
            auditor.open("/campaigns/" + campaignId + "/verification");
            String[] outcomes = {"Không nhận được", "Đã nhận đủ"};
            for (String outcome : outcomes) {
                String id = auditor.findAll(By.cssSelector("select[id^='outcome-']")).get(0).getAttribute("id").substring("outcome-".length());
                auditor.choose(By.id("outcome-" + id), outcome);
                auditor.type(By.id("note-" + id), "Hỏi trực tiếp tại nhà");
                auditor.click(By.id("record-" + id));
                auditor.waitFor(page -> !auditor.findAll(By.cssSelector(".notice.success")).isEmpty()
                        && auditor.findAll(By.id("record-" + id)).isEmpty());
            }
            assertThat(auditor.text(By.id("verification-rate"))).isEqualTo("50,00 %");
            assertThat(auditor.text(By.id("verification-open-cases"))).isEqualTo("1");
            assertThat(auditor.findAll(By.cssSelector("textarea[id^='answer-']"))).as("an auditor does not answer for the office").isEmpty();
            auditor.checkPage("verification-recorded");
        }
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/campaigns/" + campaignId + "/verification");
            String id = approver.find(By.cssSelector("textarea[id^='answer-']")).getAttribute("id").substring("answer-".length());
            approver.type(By.id("answer-" + id), "Hộ vắng nhà ngày phát; đã trao bù ngày 05/12, có chữ ký.");
            approver.click(By.id("answer-button-" + id));
            approver.waitFor(page -> approver.text(By.id("verification-open-cases")).equals("0"));
            assertThat(approver.text(By.id("verifications"))).contains("Đã trả lời", "trao bù");
        }

        // 9c. The programme's next round: opened from the closed round, it carries the list over for the communes
        // to check, and the page adds the rounds up once reports know the first.
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/campaigns/" + campaignId);
            approver.click(By.id("open-round"));
            approver.waitFor(page -> approver.h1().equals(campaignName + " – đợt 2"));
            String secondRound = approver.currentUrl().replaceAll(".*/campaigns/", "");
            assertThat(approver.text(By.id("round"))).isEqualTo("Đợt 2");
            assertThat(approver.text(By.id("campaign-state"))).isEqualTo("Đang lập danh sách");
            assertThat(approver.text(By.id("round-list"))).contains(campaignName, campaignName + " – đợt 2");
            approver.waitFor(page -> {
                approver.open("/campaigns/" + secondRound);
                return !approver.findAll(By.id("programme-total")).isEmpty();
            });
            assertThat(approver.text(By.id("programme-total"))).startsWith("Qua 1 đợt: 2 lượt chi trả cho 2 hộ khác nhau");
            approver.checkPage("campaign-next-round");
            approver.open("/campaigns/" + secondRound + "/parts/" + TAN_THANH_DONG);
            assertThat(approver.text(By.id("entitlements"))).contains(first, twice);
        }

        // 10. The API and the dashboard's figures agree; the audit trail names each person.
        JsonNode progress = platform.distribution.get("/api/v1/campaigns/" + campaignId + "/progress", district).json();
        long delivered = progress.get("delivered").asLong();
        assertThat(delivered).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = platform.reportingApi().get("/api/v1/reports/campaigns/" + campaignId, district).json();
            assertThat(report.path("deliveredHouseholds").asLong()).isEqualTo(delivered);
            assertThat(report.path("approvedHouseholds").asLong()).isEqualTo(progress.get("approved").asLong());
        });
        String auditor = platform.bearer("auditor");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(actors(platform.registry.get("/api/v1/audit?subject=" + firstId, auditor).json()))
                    .contains("tanthanhdong.officer");
            assertThat(actors(platform.distribution.get("/api/v1/audit?subject=" + campaignId + "&size=200", auditor).json()))
                    .contains("cuchi.approver", "tanthanhdong.officer");
            assertThat(platform.distribution.get("/api/v1/audit?actor=" + fieldUser, auditor).json().path("totalElements").asLong())
                    .as("each delivery names the field officer").isGreaterThanOrEqualTo(2);
        });
    }

    private static void fill(ConsoleBrowser officer, String head, String born, String gender) {
        officer.type(By.id("headName"), head);
        officer.chooseValue(By.id("address-unitCode"), TAN_THANH_DONG);
        officer.type(By.id("address-hamlet"), "Ấp 2");
        officer.click(By.id("category-LOCKDOWN_ZONE"));
        officer.type(By.id("members-0-fullName"), head);
        officer.type(By.id("members-0-dateOfBirth"), born);
        officer.choose(By.id("members-0-gender"), gender);
    }

    private static org.openqa.selenium.WebElement line(ConsoleBrowser phone, String head) {
        for (org.openqa.selenium.WebElement line : phone.findAll(By.cssSelector("li.household"))) {
            if (head.equals(line.findElement(By.className("name")).getAttribute("textContent"))) {
                return line;
            }
        }
        throw new AssertionError(head + " is not on the field list");
    }

    /** A 2,400 × 1,800 photo as a camera writes it, in a file the browser can pick. */
    private static java.nio.file.Path cameraPhoto() throws IOException {
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(2400, 1800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D paint = photo.createGraphics();
        paint.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.ORANGE, 2400, 1800, java.awt.Color.BLUE));
        paint.fillRect(0, 0, 2400, 1800);
        paint.dispose();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ban-giao-", ".png");
        javax.imageio.ImageIO.write(photo, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private static void deliver(ConsoleBrowser phone, String head) {
        org.openqa.selenium.WebElement button = line(phone, head).findElement(By.cssSelector("button.deliver-button"));
        phone.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
    }

    private static List<String> visibleNames(ConsoleBrowser phone) {
        return phone.findAll(By.cssSelector("li.household")).stream().filter(org.openqa.selenium.WebElement::isDisplayed)
                .map(line -> line.findElement(By.className("name")).getText()).toList();
    }

    private static List<String> actors(JsonNode page) {
        List<String> actors = new ArrayList<>();
        page.path("content").forEach(record -> actors.add(record.path("actor").asString()));
        return actors;
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
