package vn.ansinh.donation.banking;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * VietQR, the national bank-transfer QR code: NAPAS's 24/7 transfer to an account, carried in EMVCo's
 * merchant-presented QR format. Every banking app in Vietnam reads it and fills in the bank, the
 * account and the transfer's description, so a donor's transfer arrives with the fund's transfer code
 * in it — which is how a bank statement's credit finds its fund again.
 * <p>
 * The payload is a run of ID-length-value fields: 00 format "01"; 01 "11" (static, any amount) or "12"
 * (an amount given); 38 the account (00 NAPAS's GUID, 01 the bank's BIN and the account number, 02 the
 * service "QRIBFTTA", transfer to an account); 53 currency 704 (VND); 54 the amount; 58 "VN"; 62/08 the
 * purpose of the transfer; 63 a CRC-16/CCITT-FALSE over everything before it, "6304" included.
 */
public final class VietQr {

    static final String NAPAS_GUID = "A000000727";
    static final String TRANSFER_TO_ACCOUNT = "QRIBFTTA";
    /** The purpose field (62/08) takes at most 25 characters. */
    static final int PURPOSE_MAX = 25;

    private VietQr() {
    }

    /**
     * @param bankBin       the receiving bank's six-digit NAPAS BIN (970436 Vietcombank, 970415 VietinBank, ...)
     * @param accountNumber the account, up to 19 letters and digits
     * @param amount        whole VND, or null to let the donor choose
     * @param purpose       what the donor's app puts into the transfer's description (ASCII, at most 25)
     */
    public static String payload(String bankBin, String accountNumber, Long amount, String purpose) {
        StringBuilder code = new StringBuilder(160)
                .append(field("00", "01"))
                .append(field("01", amount == null ? "11" : "12"))
                .append(field("38", field("00", NAPAS_GUID)
                        + field("01", field("00", bankBin) + field("01", accountNumber))
                        + field("02", TRANSFER_TO_ACCOUNT)))
                .append(field("53", "704"));
        if (amount != null) {
            code.append(field("54", Long.toString(amount)));
        }
        code.append(field("58", "VN"));
        if (purpose != null && !purpose.isEmpty()) {
            code.append(field("62", field("08", purpose)));
        }
        code.append("6304");
        return code.append(crc16(code.toString())).toString();
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("A VietQR field holds at most 99 characters: " + id);
        }
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, start 0xFFFF), four upper-case hex digits, as EMVCo specifies. */
    static String crc16(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format("%04X", crc);
    }

    /** The payload as a PNG QR image, {@code size} pixels square, with the quiet zone scanners need. */
    public static byte[] png(String payload, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("A VietQR payload too long for a QR code", tooLong);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
    }
}
