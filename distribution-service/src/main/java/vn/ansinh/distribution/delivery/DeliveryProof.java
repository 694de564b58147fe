package vn.ansinh.distribution.delivery;

import java.time.Instant;
import java.util.Set;

import org.bson.types.Binary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A photo or a signature captured on the field device as proof of a handover. It shows a person's face or
 * hand, so it stays in distribution-service: never on a public page, never in an event, read only by the
 * offices of the delivery's area (each read recorded). One per delivery; a new one replaces it, and the
 * audit trail keeps who replaced what (never the image itself).
 */
@Document("delivery_proofs")
class DeliveryProof extends OutboxDocument implements Audited {

    /** What the image is. */
    public enum Kind {
        PHOTO, SIGNATURE
    }

    @Id
    private String deliveryId;
    private String unitCode;
    private Kind kind;
    private String contentType;
    private long size;
    private String sha256;
    private Binary image;
    private String uploadedBy;
    private Instant uploadedAt;

    protected DeliveryProof() {
    }

    DeliveryProof(String deliveryId, String unitCode) {
        this.deliveryId = deliveryId;
        this.unitCode = unitCode;
    }

    void replaceWith(Kind newKind, String type, byte[] bytes, String digest, String by, Instant at) {
        kind = newKind;
        contentType = type;
        size = bytes.length;
        sha256 = digest;
        image = new Binary(bytes);
        uploadedBy = by;
        uploadedAt = at;
        auditAs("delivery.proof-attached");
    }

    @Override
    public String auditType() {
        return "delivery";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    @Override
    public Set<String> auditSecretFields() {
        return Set.of("image");
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    byte[] getImage() {
        return image == null ? new byte[0] : image.getData();
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
