package vn.ansinh.donation.ledger;

/**
 * The movements of an account: money or goods in, set aside for a campaign, set-aside given back,
 * out, and back from a reverted delivery into the campaign's reservation.
 */
public enum EntryKind {
    RECEIVED, RESERVED, RELEASED, SPENT, RETURNED
}
