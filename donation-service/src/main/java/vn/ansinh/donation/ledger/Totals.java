package vn.ansinh.donation.ledger;

/**
 * A fund's figures after its entry number {@code seq}, in whole VND: balance = received − spent,
 * available = balance − reserved. An entry that would break "available ≥ 0" or "reserved ≥ 0" is
 * refused before it is written.
 */
public record Totals(long seq, long received, long reserved, long spent) {

    public static final Totals EMPTY = new Totals(0, 0, 0, 0);

    public long balance() {
        return received - spent;
    }

    public long available() {
        return balance() - reserved;
    }

    /** The totals after one more movement. */
    Totals after(Movement movement) {
        long amount = movement.amount();
        return switch (movement.kind()) {
            case RECEIVED -> new Totals(seq + 1, received + amount, reserved, spent);
            case RESERVED -> new Totals(seq + 1, received, reserved + amount, spent);
            case RELEASED -> new Totals(seq + 1, received, reserved - amount, spent);
            case SPENT -> new Totals(seq + 1, received, movement.fromReservation() ? reserved - amount : reserved,
                    spent + amount);
            case RETURNED -> new Totals(seq + 1, received, reserved + amount, spent - amount);
        };
    }

    /** Why the movement cannot be made from these totals, or null if it can. */
    String refusalOf(Movement movement) {
        long amount = movement.amount();
        return switch (movement.kind()) {
            case RECEIVED -> null;
            case RESERVED -> amount > available() ? "insufficient-funds" : null;
            case RELEASED -> amount > reserved ? "release-exceeds-reservation" : null;
            case SPENT -> movement.fromReservation()
                    ? (amount > reserved ? "spend-exceeds-reservation" : null)
                    : (amount > available() ? "insufficient-funds" : null);
            case RETURNED -> amount > spent ? "return-exceeds-spent" : null;
        };
    }
}
