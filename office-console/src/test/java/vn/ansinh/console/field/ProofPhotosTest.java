package vn.ansinh.console.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** A phone without JavaScript sends its photo as taken: the console makes it small enough to keep. */
class ProofPhotosTest {

    @Test
    void aPhotoLargerThanTheServiceKeepsIsShrunkToAJpegItKeepsAndASmallOneIsLeftAsItIs() throws Exception {
        byte[] camera = noisyPng(2600, 1700);
        assertThat(camera.length).as("larger than distribution-service keeps").isGreaterThan(ProofPhotos.MAX_BYTES);

        ProofPhotos.Shrunk shrunk = ProofPhotos.fit(camera, "image/png").orElseThrow();

        assertThat(shrunk.contentType()).isEqualTo("image/jpeg");
        assertThat(shrunk.bytes().length).isLessThanOrEqualTo(ProofPhotos.MAX_BYTES);
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(shrunk.bytes()));
        assertThat(kept.getWidth()).isEqualTo(ProofPhotos.LONGER_SIDE);
        assertThat(kept.getHeight()).isEqualTo(1046);

        byte[] small = noisyPng(200, 100);
        assertThat(ProofPhotos.fit(small, "image/png").orElseThrow().bytes()).isSameAs(small);
    }

    @Test
    void aLargeFileThatIsNoImageIsNotSent() throws Exception {
        byte[] notAnImage = new byte[ProofPhotos.MAX_BYTES + 10];
        new Random(7).nextBytes(notAnImage);

        assertThat(ProofPhotos.fit(notAnImage, "image/jpeg")).isEmpty();
    }

    private static byte[] noisyPng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
