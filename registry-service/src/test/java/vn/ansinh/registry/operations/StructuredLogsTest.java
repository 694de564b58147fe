package vn.ansinh.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.TestTokens;

/**
 * An import's log lines name the office and the account that uploaded the file (the fields production's
 * JSON logs carry, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} in the compose file), and nothing in the
 * logs gives away the people in the file — no name, citizen ID or phone, also for the rows refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest extends RegistryServiceTest {

    @Test
    void anImportsLogLinesNameTheOfficeAndAccountAndNoPersonInTheFile(CapturedOutput output) {
        Logger worker = (Logger) LoggerFactory.getLogger("vn.ansinh.registry.bulkimport.ImportWorker");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        worker.addAppender(lines);
        try {
            String csv = """
                    Mã hộ;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Quan hệ với chủ hộ;Mã xã;Ấp/Thôn;Số điện thoại;Diện;Tình trạng nghèo
                    H1;Nguyễn Thị Hoà Nhật;02/03/1958;Nữ;079158009876;Chủ hộ;27547;Ấp Cây Sộp;912 777 888;Hộ nghèo;Hộ nghèo
                    H2;Trần Văn Lộc Khánh;31/02/1970;Nam;079170005555;Chủ hộ;27547;;0913 222 333;;
                    H3;Lý Thị Tư Quyên;01/01/1950;Nữ;0791500044;Chủ hộ;27547;;;;
                    """;
            String jobId = api.post("/api/v1/households/import", TestTokens.bearer(CU_CHI, "OFFICER"), "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8)).json().get("jobId").asString();

            ILoggingEvent done = await().atMost(Duration.ofSeconds(60)).until(() -> lines.list.stream()
                    .filter(line -> line.getFormattedMessage().startsWith("Import job " + jobId + " done")).findFirst().orElse(null),
                    line -> line != null);
            Map<String, String> context = done.getMDCPropertyMap();
            assertThat(context).containsEntry("office", CU_CHI).containsEntry("client", "import:" + jobId);
            assertThat(context.get("person")).isNotBlank();
            assertThat(done.getFormattedMessage()).contains("3 rows").contains("1 accepted").contains("2 rejected");

            assertThat(output.getAll()).doesNotContain("Nguyễn Thị Hoà Nhật", "Trần Văn Lộc Khánh", "Lý Thị Tư Quyên", "079158009876",
                    "079170005555", "0791500044", "912 777 888", "0912777888", "0913 222 333", "0913222333");
        } finally {
            worker.detachAppender(lines);
        }
    }
}
