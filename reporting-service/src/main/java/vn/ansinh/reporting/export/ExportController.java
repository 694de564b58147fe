package vn.ansinh.reporting.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.reporting.figures.AreaFigures;
import vn.ansinh.reporting.figures.FiguresService;
import vn.ansinh.reporting.figures.ReadableArea;
import vn.ansinh.reporting.house.HouseReports;

/** The report an office sends upward, for its unit and each unit below, as CSV or XLSX. */
@RestController
@RequestMapping("/api/v1/reports")
class ExportController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FiguresService figures;
    private final HouseReports houses;
    private final ReadableArea readableArea;
    private final Clock clock;

    public ExportController(FiguresService figures, HouseReports houses, ReadableArea readableArea, Clock clock) {
        this.figures = figures;
        this.houses = houses;
        this.readableArea = readableArea;
        this.clock = clock;
    }

    @Operation(summary = "Per unit below: households, poor, near-poor, the rates over the yearly statistics against the "
            + "targets (year= for a past year), aid by kind with quantity and value, houses built or repaired for poor households "
            + "handed over in the year and under way",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The report as a file (Content-Disposition "
            + "names it): CSV in UTF-8 with a byte-order mark, or an Excel workbook",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))}))
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "format", defaultValue = "xlsx") @Pattern(regexp = "csv|xlsx") String format,
            @RequestParam(name = "year", required = false) @jakarta.validation.constraints.Min(2000)
            @jakarta.validation.constraints.Max(2100) Integer year) {
        String code = readableArea.of(unit);
        int asked = year == null ? figures.currentYear() : year;
        AreaFigures area = figures.of(code, asked);
        ReportTable table = ReportTable.of(area, houses.of(code, asked, null));
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        String title = "Báo cáo an sinh xã hội - " + area.total().unitName() + " - ngày " + today;
        String fileName = "an-sinh-" + code.replace('@', '-') + "-" + today + "." + format;
        boolean csv = "csv".equals(format);
        StreamingResponseBody body = out -> {
            if (csv) {
                ReportFiles.csv(table, out);
            } else {
                ReportFiles.xlsx(table, title, out);
            }
        };
        return ResponseEntity.ok().contentType(csv ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
