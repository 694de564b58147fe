package vn.ansinh.registry.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/** A commune's spreadsheet imported in the background: good rows in, bad rows reported by line. */
class HouseholdImportTest extends RegistryServiceTest {

    final String cuChiOfficer = TestTokens.bearer(CU_CHI, "OFFICER");

    @Autowired
    MongoTemplate mongo;

    @Test
    void aVietnameseSpreadsheetIsImportedWithEachBadRowReportedOnItsLine() {
        String tag = marker();
        String csv = """
                Mã hộ;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Quan hệ với chủ hộ;Mã xã;Ấp/Thôn;Số điện thoại;Diện;Tình trạng nghèo
                H1;Nguyễn Thị Hoa %1$s;02/03/1958;Nữ;079158001234;Chủ hộ;27547;Ấp Cây Sộp;912 345 678;Hộ nghèo;Hộ nghèo
                H1;Lê Văn Bình %1$s;15/08/1985;Nam;;Con;27547;;;;
                H2;Phạm Văn Tư %1$s;1960-01-20;Nam;;Chủ hộ;27547;Ấp 2;;ELDERLY_ALONE;NEAR_POOR
                H3;Trần Thị Lan %1$s;31/02/1970;Nữ;;Chủ hộ;27547;;;;
                H4;Võ Văn Sáu %1$s;01/01/1950;Nam;;Chủ hộ;99999;;;;
                H5;Đỗ Thị Mai %1$s;01/01/1950;Nữ;;Chủ hộ;26761;;;;
                H6;Bùi Văn Năm %1$s;01/01/1980;Nam;079290001111;Chủ hộ;27547;;;;
                """.formatted(tag);

        ApiClient.Response upload = api.post("/api/v1/households/import?fileName=tan-thanh-dong-2026.csv", cuChiOfficer, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        JsonNode job = awaitDone(upload.json().get("jobId").asString());
        assertThat(job.get("fileName").asString()).as("the office finds the job by its file's name").isEqualTo("tan-thanh-dong-2026.csv");
        assertThat(job.get("totalRows").asInt()).isEqualTo(7);
        assertThat(job.get("accepted").asInt()).isEqualTo(3);
        assertThat(job.get("rejected").asInt()).isEqualTo(4);
        assertThat(job.get("households").asInt()).isEqualTo(2);
        assertThat(job.get("errors")).extracting(e -> e.get("row").asInt()).containsExactly(5, 6, 7, 8);
        assertThat(job.get("errors").get(0).get("reason").asString()).contains("31/02/1970");
        assertThat(job.get("errors").get(1).get("reason").asString()).contains("99999");
        assertThat(job.get("errors").get(3).get("reason").asString()).contains("citizenId");

        JsonNode found = api.get("/api/v1/households?q=" + tag, cuChiOfficer).json();
        assertThat(found.get("totalElements").asInt()).isEqualTo(2);
        JsonNode hoa = api.get("/api/v1/households?q=hoa%20" + tag, cuChiOfficer).json().get("content").get(0);
        assertThat(hoa.get("members")).hasSize(2);
        assertThat(hoa.get("phone").asString()).isEqualTo("0912345678");
        assertThat(hoa.get("povertyStatus").asString()).isEqualTo("POOR");
        assertThat(hoa.get("members").get(0).get("dateOfBirth").asString()).isEqualTo("1958-03-02");
        String hoaId = hoa.get("id").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PublishedEvents.readAll(Topics.HOUSEHOLDS.name())
                .stream().filter(e -> hoaId.equals(e.key())).map(PublishedEvents.Event::type).toList())
                .containsExactly(EventTypes.HOUSEHOLD_REGISTERED));
    }

    @Test
    void aJobRunAgainAfterACrashSavesNoHouseholdTwice() {
        String tag = marker();
        StringBuilder csv = new StringBuilder("household,full_name,date_of_birth,gender,unit_code,hamlet\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append("R").append(i).append(",\"Nguyễn Văn ").append(tag).append(" ").append(lettersOf(i))
                    .append("\",1975-05-").append(String.format("%02d", 1 + i % 28)).append(",MALE,27547,\"Ấp 3, tổ 2\"\n");
        }
        String jobId = api.post("/api/v1/households/import", cuChiOfficer, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).json().get("jobId").asString();
        awaitDone(jobId);
        assertThat(householdsTagged(tag)).isEqualTo(1_200);

        // As if the worker had died after saving every slice but before recording any progress.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), new Update().set("state", "RUNNING")
                .set("nextChunk", 0).set("processed", 0).set("accepted", 0).set("rejected", 0).set("households", 0)
                .set("leaseUntil", Instant.EPOCH).unset("finishedAt"), ImportJob.class);

        JsonNode rerun = awaitDone(jobId);
        assertThat(rerun.get("accepted").asInt()).isEqualTo(1_200);
        assertThat(rerun.get("households").asInt()).isEqualTo(1_200);
        assertThat(householdsTagged(tag)).as("no household saved twice").isEqualTo(1_200);
        JsonNode one = api.get("/api/v1/households?q=" + tag + "%20" + lettersOf(17), cuChiOfficer).json().get("content").get(0);
        assertThat(one.get("address").get("hamlet").asString()).isEqualTo("Ấp 3, tổ 2");
    }

    @Test
    void aHouseholdWhoseRowsAreNotTogetherIsRefusedOnItsLaterLines() {
        String tag = marker();
        StringBuilder csv = new StringBuilder("household,full_name,date_of_birth,gender,unit_code,relation\n");
        csv.append("SPLIT,Đỗ Văn ").append(tag).append(",1960-02-02,MALE,27547,HEAD\n");
        for (int i = 0; i < 600; i++) { // more households than one slice holds, so the first slice is stored
            csv.append("F").append(i).append(",Đỗ Thị ").append(tag).append(' ').append(lettersOf(i)).append(",1980-03-03,FEMALE,27547,HEAD\n");
        }
        csv.append("SPLIT,Đỗ Thị ").append(tag).append(" Vợ,1962-04-04,FEMALE,27547,SPOUSE\n");
        String jobId = api.post("/api/v1/households/import", cuChiOfficer, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .json().get("jobId").asString();

        JsonNode job = awaitDone(jobId);

        assertThat(job.get("totalRows").asInt()).isEqualTo(602);
        assertThat(job.get("accepted").asInt()).isEqualTo(601);
        assertThat(job.get("errors").toString()).contains("\"row\":603").contains("SPLIT");
    }

    @Test
    void aSliceThatKeepsFailingEndsTheJobAsFailedWithTheReason() {
        String tag = marker();
        // A job as an upload stores it, copied with its slice damaged before any worker can see it (damaging
        // the uploaded job's own slice would race the worker, which may well have imported it already).
        String uploaded = api.post("/api/v1/households/import", cuChiOfficer, "text/csv",
                ("household,full_name,date_of_birth,gender,unit_code\nR1,Lã Văn " + tag + ",1970-01-01,MALE,27547\n")
                        .getBytes(StandardCharsets.UTF_8)).json().get("jobId").asString();
        awaitDone(uploaded);
        long householdsBefore = householdsTagged(tag);
        String jobId = java.util.UUID.randomUUID().toString();
        org.bson.Document chunk = mongo.findById(ImportChunk.idOf(uploaded, 0), org.bson.Document.class, "import_chunks");
        chunk.put("_id", ImportChunk.idOf(jobId, 0));
        chunk.put("jobId", jobId);
        chunk.put("households", "not a list");
        mongo.insert(chunk, "import_chunks");
        org.bson.Document job = mongo.findById(uploaded, org.bson.Document.class, "import_jobs");
        job.put("_id", jobId);
        job.put("state", "QUEUED");
        for (String counter : new String[] {"nextChunk", "processed", "accepted", "rejected", "households", "duplicateCandidates",
                "chunkAttempts"}) {
            job.put(counter, 0);
        }
        job.put("errors", java.util.List.of());
        job.remove("finishedAt");
        job.remove("leaseOwner");
        job.put("leaseUntil", java.util.Date.from(Instant.EPOCH));
        mongo.insert(job, "import_jobs");

        JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/jobs/" + jobId, cuChiOfficer).json(),
                state -> "FAILED".equals(state.get("state").asString()));

        assertThat(failed.get("failureReason").asString()).contains("Phần 1/1").contains("3 lần");
        assertThat(householdsTagged(tag)).as("the failed job stored nothing").isEqualTo(householdsBefore);
    }

    @Test
    void aMultipartUploadThatDoesNotDeclareItsLengthIsRefusedSoTheSizeLimitHolds() throws Exception {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "household,full_name,date_of_birth,gender,unit_code\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/households/import"))
                .header("Authorization", cuChiOfficer).header("Content-Type", "multipart/form-data; boundary=b")
                // A stream of unknown length goes out chunked, with no Content-Length.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(411);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedAndNoJobIsQueued() {
        long jobsBefore = mongo.count(new Query(), ImportJob.class);

        ApiClient.Response refused = api.post("/api/v1/households/import", cuChiOfficer, "text/csv",
                "Tên,Tuổi\nAn,30\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("FULL_NAME");
        assertThat(mongo.count(new Query(), ImportJob.class)).isEqualTo(jobsBefore);
    }

    @Test
    void anotherOfficesJobIsNotFound() {
        String jobId = api.post("/api/v1/households/import", cuChiOfficer, "text/csv",
                "full_name,date_of_birth,gender,unit_code\n".getBytes(StandardCharsets.UTF_8)).json().get("jobId").asString();

        assertThat(api.get("/api/v1/jobs/" + jobId, TestTokens.bearer(QUAN_1, "OFFICER")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs/" + jobId, cuChiOfficer).json().get("state").asString()).isEqualTo("DONE");
        assertThat(api.get("/api/v1/jobs?size=2000", cuChiOfficer).json().get("content").toString()).contains(jobId);
        assertThat(api.get("/api/v1/jobs?size=2000", TestTokens.bearer(QUAN_1, "OFFICER")).json().get("content").toString())
                .doesNotContain(jobId);
    }

    private long householdsTagged(String tag) {
        return api.get("/api/v1/households?size=1&q=" + tag, cuChiOfficer).json().get("totalElements").asLong();
    }

    private JsonNode awaitDone(String jobId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/jobs/" + jobId, cuChiOfficer).json(),
                job -> "DONE".equals(job.get("state").asString()));
    }

    /** Letters only, so a name search finds exactly this test's households. */
    private static String marker() {
        StringBuilder marker = new StringBuilder("x");
        for (int i = 0; i < 7; i++) {
            marker.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return marker.toString();
    }
}
