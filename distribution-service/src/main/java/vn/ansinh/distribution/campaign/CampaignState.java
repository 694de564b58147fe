package vn.ansinh.distribution.campaign;

/**
 * DRAFT (list being prepared and submitted part by part) → APPROVING (approved, waiting for the
 * money and goods to be reserved) → ACTIVE (deliveries) or REJECTED (with the reason) → CLOSED.
 */
public enum CampaignState {
    DRAFT, APPROVING, ACTIVE, REJECTED, CLOSED
}
