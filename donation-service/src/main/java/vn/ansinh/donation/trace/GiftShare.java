package vn.ansinh.donation.trace;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A part of one movement out of an account (a spend, or a reverted delivery's return: negative) put
 * down to one gift. Derived from the ledger by {@link Attribution}; its id is the movement's entry and
 * the part's place in it, so working it out twice writes the same document.
 *
 * @param earmark           the campaign the gift was meant for, if any
 * @param amount            in the account's unit: đồng, or thousandths of the item's unit
 * @param publicDescription for a payment made directly (no campaign): what the office published
 */
@Document(GiftShare.COLLECTION)
record GiftShare(@Id String id, String accountId, String donationId, long receivedSeq, String earmark, long entrySeq, String campaignId,
                 String deliveryId, long amount, String publicDescription, Instant at) {

    static final String COLLECTION = "gift_shares";
}
