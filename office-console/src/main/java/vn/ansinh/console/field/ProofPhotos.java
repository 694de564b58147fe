package vn.ansinh.console.field;

import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A phone's photo made small enough to keep as proof of a handover: distribution-service keeps at most
 * 2 MiB, and a phone's camera takes 3 to 8 MB. The page shrinks photos itself before they leave the
 * phone; this is for a phone without JavaScript, whose form sends the photo as taken.
 */
final class ProofPhotos {

    /** What distribution-service accepts. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The longer side of a shrunk photo: a face, a bag of rice and a signature stay readable. */
    static final int LONGER_SIDE = 1600;

    private ProofPhotos() {
    }

    /** The photo as it is when small enough, otherwise shrunk to a JPEG; empty when it is not an image Java can read. */
    static Optional<Shrunk> fit(byte[] photo, String contentType) throws IOException {
        if (photo.length <= MAX_BYTES) {
            return Optional.of(new Shrunk(photo, contentType));
        }
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(photo));
        if (original == null) {
            return Optional.empty();
        }
        double scale = Math.min(1.0, (double) LONGER_SIDE / Math.max(original.getWidth(), original.getHeight()));
        int width = Math.max(1, (int) Math.round(original.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(original.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(original.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
        graphics.dispose();
        for (float quality = 0.85f; quality > 0.3f; quality -= 0.15f) {
            byte[] jpeg = jpeg(small, quality);
            if (jpeg.length <= MAX_BYTES) {
                return Optional.of(new Shrunk(jpeg, "image/jpeg"));
            }
        }
        return Optional.empty();
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam settings = writer.getDefaultWriteParam();
            settings.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            settings.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), settings);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    record Shrunk(byte[] bytes, String contentType) {
    }
}
