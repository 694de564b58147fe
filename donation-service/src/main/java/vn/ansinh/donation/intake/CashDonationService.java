package vn.ansinh.donation.intake;

import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.ansinh.donation.donor.DonorService;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.fund.FundService;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.donation.ledger.ReceiptQueue;

/**
 * Records money received. A cash donation is the RECEIVED entry of its fund's ledger, written with
 * its events in one document (the outbox), so an acknowledged donation is never lost and is
 * published at least once. A bank or QR reference names the operation: a re-sent notification
 * finds the donation already recorded.
 */
@Service
class CashDonationService {

    private final FundService funds;
    private final DonorService donors;
    private final ReceiptNumbers receipts;
    private final ReceiptQueue queue;

    public CashDonationService(FundService funds, DonorService donors,
                               ReceiptNumbers receipts, ReceiptQueue queue) {
        this.funds = funds;
        this.donors = donors;
        this.receipts = receipts;
        this.queue = queue;
    }

    public LedgerEntry receive(CashDonationRequest request) {
        Fund fund = funds.receivable(request.fundId()); // an organisation's person records gifts into its own funds
        if (request.donorId() != null) {
            donors.require(request.donorId());
        }
        String donationId = UUID.randomUUID().toString();
        String operation = operationKey(request, donationId);
        // The bank sending its notification again is answered by the queue's writer with the entry recorded
        // then; the writer also numbers the receipts it writes, a block per batch, so a request costs no
        // look-up of its own (a crisis sends thousands a second into one fund).
        return queue.record(fund.account(), Movement.received(operation, request.amount(), donationId, request.donorId(),
                request.channel().name(), referenceOf(request), null).earmarkedFor(request.earmark()),
                count -> receipts.nextBlock(fund.getOfficeUnitCode(), count));
    }

    /** See {@link DonationOperations#operationKey}. */
    static String operationKey(CashDonationRequest request, String donationId) {
        return DonationOperations.operationKey(request.fundId(), request.channel().name(), referenceOf(request), donationId);
    }

    static String referenceOf(CashDonationRequest request) {
        return request.reference() == null || request.reference().isBlank() ? null : request.reference();
    }
}
