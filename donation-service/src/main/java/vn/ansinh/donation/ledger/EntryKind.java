package vn.ansinh.donation.ledger;

/** The four movements of a fund: money in, money set aside for a campaign, set-aside given back, money out. */
public enum EntryKind {
    RECEIVED, RESERVED, RELEASED, SPENT
}
