package vn.ansinh.distribution.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/** The photo or signature a field device captured as proof of a handover: offices of the area only. */
@RestController
class DeliveryProofController {

    private final DeliveryProofs proofs;

    DeliveryProofController(DeliveryProofs proofs) {
        this.proofs = proofs;
    }

    /** What is known of a proof without its image. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DeliveryProofView")
    public record ProofView(String deliveryId, DeliveryProof.Kind kind, String contentType, long size, String sha256, String uploadedBy,
                            Instant uploadedAt) {
        static ProofView of(DeliveryProof proof) {
            return new ProofView(proof.getDeliveryId(), proof.getKind(), proof.getContentType(), proof.getSize(), proof.getSha256(),
                    proof.getUploadedBy(), proof.getUploadedAt());
        }
    }

    @Operation(summary = "Attach a photo or signature image as the delivery's proof (the body: a JPEG, PNG or WebP image of at "
            + "most 2 MiB, recognised by its bytes); a new one replaces it. Never shown publicly, never in an event")
    @PutMapping("/api/v1/deliveries/{id}/proof")
    @PreAuthorize("hasRole('OFFICER')")
    public ProofView attach(@PathVariable String id, @RequestParam(name = "kind", defaultValue = "PHOTO") DeliveryProof.Kind kind,
                            HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            // One byte more than allowed tells a body too large from one just at the limit.
            return ProofView.of(proofs.attach(id, kind, body.readNBytes(DeliveryProofs.MAX_BYTES + 1)));
        }
    }

    @Operation(summary = "The delivery's proof image, for the offices of its area (each read is recorded)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The image as it was attached",
            content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "image/jpeg",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/png",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/webp",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @GetMapping("/api/v1/deliveries/{id}/proof")
    public ResponseEntity<byte[]> image(@PathVariable String id) {
        DeliveryProof proof = proofs.read(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(proof.getContentType()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"proof-" + id.replaceAll("[^A-Za-z0-9-]", "") + "\"")
                .body(proof.getImage());
    }
}
