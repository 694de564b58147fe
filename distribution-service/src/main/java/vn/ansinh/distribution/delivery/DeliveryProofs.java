package vn.ansinh.distribution.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.audit.AuditTrail;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Proof images of deliveries: taken only as JPEG, PNG or WebP, recognised by their first bytes (not by
 * what the client says they are), at most {@value #MAX_BYTES} bytes (phones send a downscaled picture).
 */
@Service
class DeliveryProofs {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final MongoTemplate mongo;
    private final DeliveryService deliveries;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final AuditTrail audit;
    private final Clock clock;

    DeliveryProofs(MongoTemplate mongo, DeliveryService deliveries, OfficeScope scope, OutboxDocuments outbox, AuditTrail audit,
                   Clock clock) {
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.scope = scope;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Attaches (or replaces) the proof of a delivery of the caller's area that stands. */
    DeliveryProof attach(String deliveryId, DeliveryProof.Kind kind, byte[] bytes) {
        Delivery delivery = deliveries.get(deliveryId);
        scope.requireCovers(delivery.getUnitCode());
        if (delivery.getRevertedAt() != null) {
            throw Refusal.conflict("delivery.reverted", deliveryId);
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw Refusal.invalid("image", "proof.size");
        }
        String type = imageType(bytes);
        if (type == null) {
            throw Refusal.invalid("image", "proof.type");
        }
        DeliveryProof existing = mongo.findById(deliveryId, DeliveryProof.class);
        DeliveryProof proof = existing == null ? new DeliveryProof(deliveryId, delivery.getUnitCode()) : existing;
        proof.replaceWith(kind, type, bytes, sha256(bytes), CallerOffice.current().clientId(), clock.instant());
        try {
            return existing == null ? outbox.insert(proof) : outbox.save(proof);
        } catch (DuplicateKeyException attachedMeanwhile) {
            throw Refusal.conflict(OutboxDocuments.CHANGED_MEANWHILE, deliveryId);
        }
    }

    /** The proof of a delivery of the caller's area; the read is recorded (the image shows a person). */
    DeliveryProof read(String deliveryId) {
        Delivery delivery = deliveries.get(deliveryId);
        DeliveryProof proof = mongo.findById(deliveryId, DeliveryProof.class);
        if (proof == null) {
            throw Refusal.notFound("delivery proof", deliveryId);
        }
        audit.read("delivery.proof-read", "delivery", deliveryId, delivery.getUnitCode(), null);
        return proof;
    }

    /** JPEG, PNG or WebP by their signatures; null for anything else (a script renamed .jpg stays out). */
    static String imageType(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return "image/png";
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
