package vn.ansinh.console.campaign;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Writes a {@link SigningSheet} as an XLSX workbook (A4 portrait, the table's header repeated on
 * every printed page, page numbers in the footer) and as a PDF (the same, with Be Vietnam Pro
 * embedded so that every diacritic prints).
 */
final class SigningSheetFiles {

    private static final byte[] REGULAR = font("/pdf-fonts/BeVietnamPro_400Regular.ttf");
    private static final byte[] BOLD = font("/pdf-fonts/BeVietnamPro_700Bold.ttf");

    private SigningSheetFiles() {
    }

    private static byte[] font(String resource) {
        try (InputStream in = SigningSheetFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the console's resources: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeXlsx(SigningSheet sheet, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "An Sinh", "1.0");
        Worksheet ws = workbook.newWorksheet("Ký nhận");
        ws.paperSize(PaperSize.A4_PAPER);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.setFitToPage(true);
        double[] widths = {6, 28, 22, 10, 22, 24, 14};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        ws.value(0, 0, sheet.issuingBody());
        ws.range(0, 0, 0, 2).merge();
        ws.style(0, 0).bold().horizontalAlignment("center").set();
        ws.value(0, 3, SigningSheet.MOTTO);
        ws.range(0, 3, 0, 6).merge();
        ws.style(0, 3).bold().horizontalAlignment("center").set();
        ws.value(1, 3, SigningSheet.MOTTO_LINE);
        ws.range(1, 3, 1, 6).merge();
        ws.style(1, 3).bold().horizontalAlignment("center").set();
        ws.value(2, 3, sheet.placeAndDate());
        ws.range(2, 3, 2, 6).merge();
        ws.style(2, 3).italic().horizontalAlignment("center").set();
        ws.value(4, 0, sheet.title());
        ws.range(4, 0, 4, 6).merge();
        ws.style(4, 0).bold().fontSize(14).horizontalAlignment("center").set();
        ws.value(5, 0, sheet.campaignName());
        ws.range(5, 0, 5, 6).merge();
        ws.style(5, 0).horizontalAlignment("center").set();
        int header = 7;
        for (int c = 0; c < SigningSheet.COLUMNS.size(); c++) {
            ws.value(header, c, SigningSheet.COLUMNS.get(c));
            ws.style(header, c).bold().borderStyle(BorderStyle.THIN).horizontalAlignment("center").wrapText(true).set();
        }
        ws.repeatRows(header);
        int r = header + 1;
        for (SigningSheet.Row row : sheet.rows()) {
            ws.value(r, 0, row.number());
            ws.value(r, 1, row.headName());
            ws.value(r, 2, row.address());
            ws.value(r, 3, row.members());
            ws.value(r, 4, row.benefit());
            ws.value(r, 6, row.note());
            for (int c = 0; c < SigningSheet.COLUMNS.size(); c++) {
                ws.style(r, c).borderStyle(BorderStyle.THIN).wrapText(true).verticalAlignment("center").set();
            }
            ws.rowHeight(r, 30);
            r++;
        }
        ws.value(r, 0, "Tổng cộng");
        ws.range(r, 0, r, 3).merge();
        ws.value(r, 4, sheet.totalText());
        ws.range(r, 4, r, 6).merge();
        ws.range(r, 0, r, 6).style().bold().borderStyle(BorderStyle.THIN).wrapText(true).set();
        r += 2;
        int[] signatureColumns = {1, 4, 6};
        for (int i = 0; i < SigningSheet.SIGNATURES.size(); i++) {
            ws.value(r, signatureColumns[i], SigningSheet.SIGNATURES.get(i));
            ws.style(r, signatureColumns[i]).bold().horizontalAlignment("center").set();
            ws.value(r + 1, signatureColumns[i], "(Ký, ghi rõ họ tên)");
            ws.style(r + 1, signatureColumns[i]).italic().horizontalAlignment("center").set();
        }
        ws.footer("Trang &P / &N", Position.CENTER);
        workbook.finish();
    }

    static byte[] pdf(SigningSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BaseFont regular = BaseFont.createFont("BeVietnamPro-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont bold = BaseFont.createFont("BeVietnamPro-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
            Font text = new Font(regular, 9);
            Font strong = new Font(bold, 9);
            Font title = new Font(bold, 13);
            Font italic = new Font(regular, 9, Font.ITALIC);
            Document document = new Document(PageSize.A4, 36, 36, 36, 42);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers(regular));
            document.addTitle(sheet.title() + " – " + sheet.campaignName());
            document.open();

            PdfPTable heading = new PdfPTable(new float[] {1, 1.2f});
            heading.setWidthPercentage(100);
            heading.addCell(plain(new Phrase(sheet.issuingBody(), strong), Element.ALIGN_CENTER));
            Phrase motto = new Phrase();
            motto.add(new Phrase(SigningSheet.MOTTO + "\n", strong));
            motto.add(new Phrase(SigningSheet.MOTTO_LINE + "\n", strong));
            motto.add(new Phrase(sheet.placeAndDate(), italic));
            heading.addCell(plain(motto, Element.ALIGN_CENTER));
            document.add(heading);
            Paragraph titleLine = new Paragraph(sheet.title(), title);
            titleLine.setAlignment(Element.ALIGN_CENTER);
            titleLine.setSpacingBefore(14);
            document.add(titleLine);
            Paragraph campaign = new Paragraph(sheet.campaignName(), text);
            campaign.setAlignment(Element.ALIGN_CENTER);
            campaign.setSpacingAfter(10);
            document.add(campaign);

            PdfPTable table = new PdfPTable(new float[] {0.5f, 2.2f, 1.8f, 0.8f, 1.8f, 2f, 1.2f});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String column : SigningSheet.COLUMNS) {
                PdfPCell cell = new PdfPCell(new Phrase(column, strong));
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                cell.setBackgroundColor(new Color(235, 235, 235));
                cell.setPadding(4);
                table.addCell(cell);
            }
            for (SigningSheet.Row row : sheet.rows()) {
                table.addCell(cell(String.valueOf(row.number()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(row.headName(), text, Element.ALIGN_LEFT));
                table.addCell(cell(row.address(), text, Element.ALIGN_LEFT));
                table.addCell(cell(String.valueOf(row.members()), text, Element.ALIGN_RIGHT));
                table.addCell(cell(row.benefit(), text, Element.ALIGN_LEFT));
                PdfPCell signature = cell("", text, Element.ALIGN_LEFT);
                signature.setMinimumHeight(28);
                table.addCell(signature);
                table.addCell(cell(row.note(), text, Element.ALIGN_LEFT));
            }
            PdfPCell total = cell("Tổng cộng", strong, Element.ALIGN_LEFT);
            total.setColspan(4);
            table.addCell(total);
            PdfPCell totalValue = cell(sheet.totalText(), strong, Element.ALIGN_LEFT);
            totalValue.setColspan(3);
            table.addCell(totalValue);
            document.add(table);

            PdfPTable signatures = new PdfPTable(3);
            signatures.setWidthPercentage(100);
            signatures.setSpacingBefore(16);
            signatures.setKeepTogether(true);
            for (String role : SigningSheet.SIGNATURES) {
                Phrase block = new Phrase();
                block.add(new Phrase(role + "\n", strong));
                block.add(new Phrase("(Ký, ghi rõ họ tên)\n\n\n\n", italic));
                signatures.addCell(plain(block, Element.ALIGN_CENTER));
            }
            document.add(signatures);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(4);
        return cell;
    }

    private static PdfPCell plain(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    /** "Trang 2" at the foot of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont font;

        PageNumbers(BaseFont font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            var canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(font, 8);
            canvas.showTextAligned(Element.ALIGN_CENTER, "Trang " + writer.getPageNumber(),
                    (document.left() + document.right()) / 2, document.bottom() - 20, 0);
            canvas.endText();
        }
    }
}
