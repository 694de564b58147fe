package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import vn.ansinh.testkit.ApiClient;

/**
 * The office console driven only through a real headless Chromium, against the real services: an
 * officer registers households (one shown as a possible duplicate held by another commune), a
 * resident reports a need on the public page and follows it by code while an officer verifies and
 * approves it, and a service that stops blanks only its own part of the pages. Every page is checked
 * with axe-core, at 1280 px and at 390 px, and kept as a screenshot.
 */
class OfficeConsoleBrowserSystemTest {

    private static final String TAN_THANH_DONG = "27547";
    private static final String THI_TRAN_CU_CHI = "27496";

    final Platform platform = Platform.get();

    @Test
    void aCommuneOfficerRegistersHouseholdsAndSeesAPossibleDuplicateInAnotherCommuneBeforeSaving() {
        String console = platform.consoleUrl();
        String given = givenName();
        // The family is already on the district's registry, in another commune than the officer's.
        ApiClient.Response held = platform.registry.postJson("/api/v1/households", platform.bearer("cu-chi-district"),
                ApiClient.json(family("Trần Văn " + given, "1958-09-21", THI_TRAN_CU_CHI)));
        assertThat(held.status()).as(held.body()).isEqualTo(201);

        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.open("/");
            assertThat(officer.h1()).isEqualTo("Bàn làm việc An Sinh");
            officer.checkPage("welcome");
            officer.signIn("tanthanhdong.officer", "tanthanhdong-demo-password");
            assertThat(officer.h1()).isEqualTo("Xin chào, Nguyễn Văn Hùng");
            officer.waitFor(page -> !officer.findAll(By.cssSelector("#card-area .figure")).isEmpty());
            officer.checkPage("home");
            // The dashboard shares the sign-in: no password asked again, no secret typed into a page.
            officer.click(By.linkText("Bảng điều khiển"));
            officer.waitFor(page -> officer.find(By.id("signin")).isDisplayed() || officer.find(By.id("dashboard")).isDisplayed());
            if (officer.find(By.id("signin")).isDisplayed()) {
                officer.click(By.cssSelector("#signin-form button[type=submit]"));
            }
            officer.waitFor(page -> page.getCurrentUrl().startsWith("http://localhost:" + platform.reporting.port + "/")
                    && officer.find(By.id("dashboard")).isDisplayed());
            assertThat(officer.currentUrl()).startsWith("http://localhost:" + platform.reporting.port + "/");
            officer.open("/");

            // A first household, with a date typed wrong: the form comes back with the error and what was typed.
            officer.click(By.linkText("Đăng ký hộ mới"));
            assertThat(officer.h1()).isEqualTo("Đăng ký hộ mới");
            officer.checkPage("household-form");
            String firstHead = "Lê Thị " + givenName();
            officer.type(By.id("headName"), firstHead);
            officer.chooseValue(By.id("address-unitCode"), TAN_THANH_DONG);
            officer.type(By.id("address-hamlet"), "Ấp 3");
            officer.click(By.id("category-NEAR_POOR"));
            officer.choose(By.id("povertyStatus"), "Hộ cận nghèo");
            officer.type(By.id("members-0-fullName"), firstHead);
            officer.type(By.id("members-0-dateOfBirth"), "31/02/1975");
            officer.choose(By.id("members-0-gender"), "Nữ");
            officer.click(By.id("continue"));
            officer.waitFor(page -> !officer.findAll(By.id("error-summary")).isEmpty());
            assertThat(officer.text(By.id("error-summary"))).contains("Ngày không đúng");
            assertThat(officer.find(By.id("headName")).getAttribute("value")).as("what was typed is kept").isEqualTo(firstHead);
            officer.checkPage("household-form-error");
            officer.type(By.id("members-0-dateOfBirth"), "28/02/1975");
            officer.click(By.id("add-member"));
            officer.type(By.id("members-1-fullName"), "Nguyễn Văn Tí");
            officer.type(By.id("members-1-dateOfBirth"), "05/06/2012");
            officer.choose(By.id("members-1-gender"), "Nam");
            officer.choose(By.id("members-1-relation"), "Con");
            officer.click(By.id("continue"));
            officer.waitFor(page -> officer.h1().equals("Kiểm tra trước khi lưu"));
            assertThat(officer.text(By.id("no-duplicates"))).isEqualTo("✓ Không thấy hộ nào trong sổ giống hộ này.");
            assertThat(officer.text(By.tagName("main"))).contains("28/02/1975", "Nguyễn Văn Tí", "Xã Tân Thạnh Đông", "Hộ cận nghèo");
            officer.checkPage("household-check");
            officer.click(By.id("save"));
            officer.waitFor(page -> officer.h1().equals("Hộ " + firstHead));
            assertThat(officer.text(By.cssSelector(".notice.success"))).contains("Đã đăng ký hộ.");
            assertThat(officer.text(By.id("members"))).contains("28/02/1975", "Nguyễn Văn Tí");
            officer.checkPage("household-view");

            // The family another commune holds: shown before saving, naming only that commune.
            officer.open("/households/new");
            officer.type(By.id("headName"), "tran van " + stripped(given));
            officer.chooseValue(By.id("address-unitCode"), TAN_THANH_DONG);
            officer.type(By.id("members-0-fullName"), "tran van " + stripped(given));
            officer.type(By.id("members-0-dateOfBirth"), "21/09/1958");
            officer.choose(By.id("members-0-gender"), "Nam");
            officer.click(By.id("continue"));
            officer.waitFor(page -> officer.h1().equals("Kiểm tra trước khi lưu"));
            String warning = officer.text(By.id("duplicates"));
            assertThat(warning).contains("Có thể trùng với một hộ ở Thị trấn Củ Chi")
                    .doesNotContain(held.json().get("id").asString());
            officer.checkPage("household-check-duplicate");
            officer.click(By.id("save"));
            officer.waitFor(page -> officer.h1().startsWith("Hộ tran van"));

            // Found again by name without diacritics, in the officer's own commune only.
            officer.open("/households");
            officer.type(By.id("q"), stripped(firstHead).toLowerCase());
            officer.click(By.cssSelector("form.search button[type=submit]"));
            officer.waitFor(page -> !officer.findAll(By.id("households")).isEmpty());
            assertThat(officer.text(By.id("households"))).contains(firstHead, "Xã Tân Thạnh Đông", "Hộ cận nghèo");
            officer.checkPage("households");
            officer.open("/households?q=" + stripped(given));
            assertThat(officer.text(By.tagName("main"))).as("the other commune's household is not listed here")
                    .doesNotContain("Trần Văn " + given);

            // English on request, Vietnamese again on request.
            officer.click(By.cssSelector("a.lang"));
            officer.waitFor(page -> officer.h1().equals("Households"));
            officer.click(By.cssSelector("a.lang"));
            officer.waitFor(page -> officer.h1().equals("Hộ gia đình"));

            // The same pages on a phone.
            officer.resize(ConsoleBrowser.PHONE);
            officer.open("/");
            officer.checkPage("home-phone");
            officer.open("/households?q=" + stripped(firstHead).toLowerCase());
            officer.checkPage("households-phone");
            officer.open("/households/new");
            officer.checkPage("household-form-phone");
            assertThat(officer.find(By.id("headName")).getSize().getHeight()).as("thumb-sized fields").isGreaterThanOrEqualTo(44);

            // Signing out at a shared desk ends the issuer's session: the next sign-in asks for a password.
            officer.resize(ConsoleBrowser.DESKTOP);
            officer.click(By.id("signout"));
            officer.waitFor(page -> page.getCurrentUrl().startsWith(console + "/") && !officer.findAll(By.id("signin")).isEmpty());
            officer.click(By.id("signin"));
            officer.waitFor(page -> page.getCurrentUrl().startsWith(platform.issuerUrl + "/login"));
        }
    }

    @Test
    void aResidentReportsANeedOnThePublicPageFollowsItByCodeAndAnOfficerApprovesIt() {
        String console = platform.consoleUrl();
        String resident = "Đặng Thị " + givenName();
        String trackingCode;
        try (ConsoleBrowser phone = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            phone.open("/public/needs/new");
            assertThat(phone.h1()).isEqualTo("Gửi phản ánh khó khăn");
            phone.checkPage("residents-report-phone");
            assertThat(phone.find(By.id("unitCode")).isEnabled()).as("communes come after the district").isFalse();
            phone.type(By.id("fullName"), resident);
            phone.type(By.id("phone"), "0912 345 678");
            phone.choose(By.id("district"), "Huyện Củ Chi");
            // Choosing the district shows its communes (the page reloads with them, keeping what was typed).
            phone.waitFor(page -> phone.find(By.id("unitCode")).isEnabled());
            assertThat(phone.find(By.id("fullName")).getAttribute("value")).isEqualTo(resident);
            phone.choose(By.id("unitCode"), "Xã Tân Thạnh Đông");
            phone.type(By.id("hamlet"), "Ấp 5");
            phone.click(By.id("need-FOOD"));
            phone.click(By.id("need-MEDICINE"));
            phone.type(By.id("note"), "Chồng mất việc, nhà có 2 cháu nhỏ");
            phone.click(By.id("send"));
            phone.waitFor(page -> !phone.findAll(By.id("tracking-code")).isEmpty());
            trackingCode = phone.text(By.id("tracking-code"));
            assertThat(trackingCode).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
            phone.checkPage("residents-sent-phone");
            phone.click(By.linkText("Tra cứu phản ánh đã gửi"));
            phone.waitFor(page -> !phone.findAll(By.id("status-state")).isEmpty());
            assertThat(phone.text(By.id("status-state"))).isEqualTo("Đã tiếp nhận, chờ xác minh");
            assertThat(phone.text(By.tagName("main"))).as("no personal data on the public page").doesNotContain(resident, "0912");
            phone.checkPage("residents-track-phone");

            // A bot that fills in every field it finds gets a polite page and stores nothing.
            long before = needsOf(TAN_THANH_DONG);
            phone.open("/public/needs/new?district=783");
            phone.type(By.id("fullName"), "Bot Bot");
            phone.type(By.id("phone"), "0912345679");
            phone.choose(By.id("district"), "Huyện Củ Chi");
            phone.waitFor(page -> phone.find(By.id("unitCode")).isEnabled());
            phone.choose(By.id("unitCode"), "Xã Tân Thạnh Đông");
            phone.click(By.id("need-CASH"));
            phone.script("document.getElementById('website').value = 'http://spam.example';");
            phone.click(By.id("send"));
            phone.waitFor(page -> phone.h1().equals("Đã gửi phản ánh"));
            assertThat(phone.findAll(By.id("tracking-code"))).isEmpty();
            assertThat(needsOf(TAN_THANH_DONG)).isEqualTo(before);
        }

        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("tanthanhdong.officer", "tanthanhdong-demo-password");
            officer.open("/needs");
            officer.waitFor(page -> officer.text(By.tagName("main")).contains(trackingCode));
            assertThat(officer.text(By.id("needs"))).contains(resident, "Xã Tân Thạnh Đông · Ấp 5", "Lương thực, thực phẩm");
            officer.checkPage("needs");
            officer.click(By.linkText(trackingCode));
            officer.waitFor(page -> officer.h1().equals("Phản ánh " + trackingCode));
            officer.checkPage("need-view");
            officer.click(By.id("verify"));
            officer.waitFor(page -> officer.text(By.id("need-state")).equals("Đã xác minh"));
            assertThat(officer.text(By.id("waiting-approval"))).as("approving is an approver's").contains("Người phê duyệt");
            assertThat(officer.findAll(By.id("register-from-need"))).isEmpty();
        }

        // The district's approver: the family is not on the registry yet, so it is registered from the
        // request, and the request is approved with it.
        try (ConsoleBrowser approver = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/needs?state=VERIFIED");
            approver.click(By.linkText(trackingCode));
            approver.waitFor(page -> approver.h1().equals("Phản ánh " + trackingCode));
            approver.checkPage("need-approve");
            approver.click(By.id("register-from-need"));
            approver.waitFor(page -> approver.h1().equals("Đăng ký hộ mới"));
            assertThat(approver.find(By.id("headName")).getAttribute("value")).isEqualTo(resident);
            assertThat(approver.find(By.id("address-hamlet")).getAttribute("value")).isEqualTo("Ấp 5");
            assertThat(approver.find(By.cssSelector("#address-unitCode option:checked")).getText()).isEqualTo("Xã Tân Thạnh Đông");
            approver.type(By.id("members-0-dateOfBirth"), "12/12/1988");
            approver.choose(By.id("members-0-gender"), "Nữ");
            approver.click(By.id("continue"));
            approver.waitFor(page -> approver.h1().equals("Kiểm tra trước khi lưu"));
            approver.click(By.id("save"));
            approver.waitFor(page -> approver.h1().equals("Phản ánh " + trackingCode)
                    && approver.text(By.id("need-state")).equals("Đã duyệt"));
            assertThat(approver.text(By.cssSelector(".notice.success"))).contains("Đã đăng ký hộ và duyệt phản ánh.");
            approver.click(By.id("need-household"));
            approver.waitFor(page -> approver.h1().equals("Hộ " + resident));
        }

        try (ConsoleBrowser phone = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            phone.open("/public/needs/track?code=" + trackingCode);
            assertThat(phone.text(By.id("status-state"))).isEqualTo("Đã duyệt hỗ trợ");
            phone.open("/public/needs/track?code=ZZZZ-ZZZZ-ZZ");
            assertThat(phone.text(By.cssSelector(".notice.warning"))).contains("Không tìm thấy phản ánh có mã này");
        }
    }

    @Test
    void aResidentSendsFeedbackTheCommuneAnswersItAndTheResidentReadsTheAnswer() {
        String console = platform.consoleUrl();
        String trackingCode;
        try (ConsoleBrowser phone = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            phone.open("/public/feedback/new");
            assertThat(phone.h1()).isEqualTo("Gửi kiến nghị, khiếu nại");
            phone.click(By.id("send"));
            phone.waitFor(page -> !phone.findAll(By.id("error-summary")).isEmpty());
            assertThat(phone.text(By.id("error-summary"))).contains("Chọn loại kiến nghị.", "Cần viết nội dung kiến nghị.");
            phone.checkPage("feedback-form-errors-phone");
            phone.click(By.id("kind-LEFT_OFF"));
            phone.choose(By.id("district"), "Huyện Củ Chi");
            phone.waitFor(page -> phone.find(By.id("unitCode")).isEnabled());
            phone.choose(By.id("unitCode"), "Xã Tân Thạnh Đông");
            phone.type(By.id("hamlet"), "Ấp 3");
            phone.type(By.id("message"), "Nhà ông Tư ở ấp 3 mất việc nhưng chưa có tên trong danh sách nhận gạo");
            phone.type(By.id("phone"), "0912 000 111");
            phone.click(By.id("send"));
            phone.waitFor(page -> !phone.findAll(By.id("tracking-code")).isEmpty());
            trackingCode = phone.text(By.id("tracking-code"));
            phone.checkPage("feedback-sent-phone");
            phone.click(By.linkText("Tra cứu kiến nghị đã gửi"));
            phone.waitFor(page -> !phone.findAll(By.id("status-state")).isEmpty());
            assertThat(phone.text(By.id("status-state"))).isEqualTo("Đã tiếp nhận");
            assertThat(phone.text(By.tagName("main"))).as("nothing the resident wrote on the public page")
                    .doesNotContain("ông Tư", "0912");
        }

        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("tanthanhdong.officer", "tanthanhdong-demo-password");
            officer.open("/feedback?view=RECEIVED");
            officer.waitFor(page -> officer.text(By.tagName("main")).contains(trackingCode));
            assertThat(officer.text(By.id("feedback"))).contains("Bị bỏ sót", "Xã Tân Thạnh Đông · Ấp 3");
            officer.checkPage("feedback-list");
            officer.click(By.linkText(trackingCode));
            officer.waitFor(page -> officer.h1().equals("Kiến nghị " + trackingCode));
            assertThat(officer.text(By.id("feedback-message"))).contains("ông Tư");
            officer.checkPage("feedback-view");
            officer.click(By.id("assign"));
            officer.waitFor(page -> officer.text(By.id("feedback-state")).equals("Đang xử lý"));
            assertThat(officer.text(By.id("feedback-assignee"))).isEqualTo("tanthanhdong.officer");
            officer.type(By.id("answer-text"), "Ấp đã xác minh: hộ ông Tư được bổ sung vào đợt 2, nhận gạo ngày 20/01.");
            officer.click(By.id("send-answer"));
            officer.waitFor(page -> officer.text(By.id("feedback-state")).equals("Đã trả lời"));
            officer.click(By.id("close"));
            officer.waitFor(page -> officer.text(By.id("feedback-state")).equals("Đã đóng"));
            assertThat(officer.text(By.id("feedback-history"))).contains("Tiếp nhận", "Giao xử lý", "Trả lời", "Đóng");
            assertThat(officer.findAll(By.id("send-answer"))).as("a closed feedback takes no more answers").isEmpty();
        }

        try (ConsoleBrowser phone = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.PHONE)) {
            phone.open("/public/feedback/track?code=" + trackingCode);
            assertThat(phone.text(By.id("status-state"))).isEqualTo("Đã giải quyết xong");
            assertThat(phone.text(By.id("status-answer"))).contains("bổ sung vào đợt 2");
            phone.checkPage("feedback-track-phone");
        }
    }

    @Test
    void aDistrictEntersACommunesStatisticsAndTargetsAndSeesItsRatesAgainstThem() {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        try (ConsoleBrowser approver = new ConsoleBrowser(platform.consoleUrl(), platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            approver.signIn("cuchi.approver", "cuchi-demo-password");
            approver.open("/poverty");
            assertThat(approver.h1()).isEqualTo("Tỷ lệ hộ nghèo và chỉ tiêu");
            assertThat(approver.text(By.id("row-27496"))).as("no statistics: no rate, not 0 %").contains("Chưa có số liệu");
            approver.checkPage("poverty-rates-missing");
            approver.click(By.cssSelector("#row-27547 a[href*='/poverty/27547/']"));
            approver.waitFor(page -> approver.h1().equals("Số liệu Xã Tân Thạnh Đông – năm " + year));
            approver.type(By.id("totalHouseholds"), "bốn nghìn");
            approver.click(By.id("save-statistics"));
            approver.waitFor(page -> approver.findAll(By.cssSelector(".notice.warning")).stream()
                    .anyMatch(warning -> warning.getText().contains("Số hộ phải là số nguyên")));
            approver.type(By.id("totalHouseholds"), "4.210");
            approver.type(By.id("ethnicMinorityHouseholds"), "5000");
            approver.click(By.id("save-statistics"));
            // The page before still shows the first warning: wait for the second one itself, not for any warning.
            approver.waitFor(page -> approver.findAll(By.cssSelector(".notice.warning")).stream()
                    .anyMatch(warning -> warning.getText().contains("không được nhiều hơn tổng số hộ")));
            approver.type(By.id("totalHouseholds"), "4.210");
            approver.type(By.id("ethnicMinorityHouseholds"), "120");
            approver.click(By.id("save-statistics"));
            approver.waitFor(page -> !approver.findAll(By.cssSelector(".notice.success")).isEmpty());
            assertThat(approver.find(By.id("totalHouseholds")).getAttribute("value")).isEqualTo("4.210");
            approver.type(By.id("poorRatePercent"), "1,5");
            approver.click(By.id("save-targets"));
            approver.waitFor(page -> approver.text(By.cssSelector(".notice.success")).contains("Đã lưu chỉ tiêu"));
            approver.checkPage("poverty-edit");

            // The rates follow the statistics through the event stream: a few seconds.
            approver.waitFor(page -> {
                approver.open("/poverty?year=" + year);
                return approver.text(By.id("row-27547")).contains("4.210");
            });
            String row = approver.text(By.id("row-27547"));
            assertThat(row).contains("1,50 %").doesNotContain("Chưa có số liệu");
            approver.checkPage("poverty-rates");
        }
    }

    @Test
    void aServiceThatStopsShowsAsUnavailableInItsOwnPartAndTheRestKeepsWorking() {
        String console = platform.consoleUrl();
        try (ConsoleBrowser officer = new ConsoleBrowser(console, platform.issuerUrl, ConsoleBrowser.DESKTOP)) {
            officer.signIn("cuchi.approver", "cuchi-demo-password");
            officer.waitFor(page -> !officer.findAll(By.cssSelector("#card-area .figure")).isEmpty());

            platform.reporting.stop();
            try {
                officer.open("/");
                assertThat(officer.text(By.id("card-area")))
                        .contains("Không kết nối được với Báo cáo (reporting-service).");
                assertThat(officer.findAll(By.cssSelector("#card-needs .figure"))).as("registry's figures still shown").hasSize(1);
                assertThat(officer.findAll(By.cssSelector("#card-funds .figure-text"))).as("donation's figures still shown").hasSize(1);
                officer.checkPage("home-reporting-down");
                officer.open("/households");
                assertThat(officer.h1()).isEqualTo("Hộ gia đình");
                assertThat(officer.findAll(By.id("households"))).hasSize(1);
            } finally {
                platform.reporting = platform.reportingProcess(platform.reporting.port).start().awaitHealthy(Duration.ofSeconds(120));
            }
            officer.open("/");
            officer.waitFor(page -> !officer.findAll(By.cssSelector("#card-area .figure")).isEmpty());
        }
    }

    @Test
    void theResidentsOwnAddressReachesTheRateLimitAndNoOneElseCanChooseIt() throws Exception {
        String console = platform.consoleUrl();
        int port = Integer.parseInt(console.substring(console.lastIndexOf(':') + 1));
        // Behind the reverse proxy the console trusts (loopback here), each resident is counted on their own.
        java.util.List<Integer> oneResident = new java.util.ArrayList<>();
        for (int i = 0; i < 40 && !oneResident.contains(429); i++) {
            oneResident.add(statusFrom("127.0.0.1", port, "203.0.113.50"));
        }
        assertThat(oneResident).as("one resident looking up again and again is limited").contains(429);
        assertThat(statusFrom("127.0.0.1", port, "203.0.113.51")).as("another resident is not").isEqualTo(200);
        // A client the console does not trust (127.0.0.3) cannot escape its limit by naming other addresses.
        java.util.List<Integer> spoofed = new java.util.ArrayList<>();
        for (int i = 0; i < 40 && !spoofed.contains(429); i++) {
            spoofed.add(statusFrom("127.0.0.3", port, "198.51.100." + i));
        }
        assertThat(spoofed).contains(429);
    }

    /** A look-up on the residents' page sent from a chosen loopback address with an X-Forwarded-For header. */
    private static int statusFrom(String localAddress, int port, String forwardedFor) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /public/needs/track?code=AAAA-BBBB-CC HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                    + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private long needsOf(String unit) {
        return platform.registry.get("/api/v1/needs?unit=" + unit + "&size=1", platform.bearer("tan-thanh-dong-commune"))
                .json().get("totalElements").asLong();
    }

    private static Map<String, Object> family(String head, String born, String unit) {
        return Map.of("headName", head, "members", List.of(Map.of("fullName", head, "dateOfBirth", born, "gender", "MALE",
                "relation", "HEAD")), "address", Map.of("unitCode", unit, "hamlet", "Khu phố 1"), "categories", List.of("POOR"));
    }

    private static String givenName() {
        String[] names = {"Hùng", "Lan", "Minh", "Thảo", "Dũng", "Hoa", "Phúc", "Ngọc", "Tâm", "Vinh"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return names[random.nextInt(names.length)] + " " + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26))
                + (char) ('a' + random.nextInt(26));
    }

    private static String stripped(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
    }
}
