package vn.ansinh.donation.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The VietQR payload is EMVCo's: fields in order, lengths right, the checksum banks' apps verify. */
class VietQrTest {

    @Test
    void theChecksumIsCrc16CcittFalse() {
        assertThat(VietQr.crc16("123456789")).isEqualTo("29B1"); // the standard check value of CRC-16/CCITT-FALSE
        // A published VietQR code of a shop (NAPAS's merchant form), checksum included.
        String published = "00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN"
                + "5910PHUONG CAC6005HANOI62110307NPS6869" + "6304";
        assertThat(VietQr.crc16(published)).isEqualTo("5802");
    }

    @Test
    void aFundsCodeCarriesTheBankTheAccountAndTheTransferCode() {
        String payload = VietQr.payload("970436", "0071001234567", null, "ASK7M2PQ");

        Map<String, String> fields = fields(payload);
        assertThat(fields).containsEntry("00", "01").containsEntry("01", "11").containsEntry("53", "704").containsEntry("58", "VN");
        assertThat(fields).doesNotContainKey("54");
        Map<String, String> account = fields(fields.get("38"));
        assertThat(account).containsEntry("00", "A000000727").containsEntry("02", "QRIBFTTA");
        assertThat(fields(account.get("01"))).containsEntry("00", "970436").containsEntry("01", "0071001234567");
        assertThat(fields(fields.get("62"))).containsEntry("08", "ASK7M2PQ");
        assertThat(payload).endsWith("6304" + VietQr.crc16(payload.substring(0, payload.length() - 4)));
        assertThat(new java.util.ArrayList<>(fields.keySet())).containsExactly("00", "01", "38", "53", "58", "62", "63");
    }

    @Test
    void anAmountMakesTheCodeDynamic() {
        Map<String, String> fields = fields(VietQr.payload("970415", "113366668888", 500_000L, "ASK7M2PQ"));

        assertThat(fields).containsEntry("01", "12").containsEntry("54", "500000");
    }

    @Test
    void theImageScansBackToThePayload() throws Exception {
        String payload = VietQr.payload("970436", "0071001234567", 200_000L, "ASK7M2PQ");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(VietQr.png(payload, 480)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();

        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(scanned).isEqualTo(payload);
    }

    /** Splits ID-length-value fields, as a banking app reads them. */
    private static Map<String, String> fields(String data) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int at = 0; at < data.length(); ) {
            String id = data.substring(at, at + 2);
            int length = Integer.parseInt(data.substring(at + 2, at + 4));
            fields.put(id, data.substring(at + 4, at + 4 + length));
            at += 4 + length;
        }
        return fields;
    }
}
