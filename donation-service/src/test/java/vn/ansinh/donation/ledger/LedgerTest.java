package vn.ansinh.donation.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.testkit.TestTokens;

/** The ledger's promises: never negative under concurrent reservations, every đồng accounted for, each operation once. */
class LedgerTest extends DonationServiceTest {

    @Autowired
    Ledger ledger;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void concurrentReservationsFromManyCampaignsNeverTakeMoreThanTheFundHas() throws Exception {
        String fundId = openFund("783", "Quỹ cứu trợ khẩn cấp Củ Chi");
        donate("783", fundId, 10_000_000L, "BANK", "VCB-" + fundId);
        Fund fund = mongo.findById(fundId, Fund.class);
        AtomicInteger refused = new AtomicInteger();

        ExecutorService campaigns = Executors.newFixedThreadPool(8);
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String campaign = "campaign-" + fundId + "-" + i;
            attempts.add(campaigns.submit(() -> {
                try {
                    ledger.record(fund.account(), Movement.reserved(campaign, fundId, 100_000L, "Gói hỗ trợ"));
                } catch (Refusal insufficient) {
                    assertThat(insufficient.code()).isEqualTo("insufficient-funds");
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> attempt : attempts) {
            attempt.get();
        }
        campaigns.shutdown();

        Totals totals = ledger.totals(fund.account());
        assertThat(refused.get()).isEqualTo(100);
        assertThat(totals.reserved()).isEqualTo(10_000_000L);
        assertThat(totals.available()).isZero();
        List<LedgerEntry> entries = mongo.find(Query.query(Criteria.where("accountId").is(fundId)), LedgerEntry.class);
        assertThat(entries).hasSize(101);
        assertThat(entries).extracting(LedgerEntry::getSeq).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 101).boxed().toList());
        assertThat(entries.stream().filter(e -> e.getKind() == EntryKind.RESERVED).mapToLong(LedgerEntry::getAmount).sum())
                .isEqualTo(totals.reserved());
        assertThat(api.get("/api/v1/funds/" + fundId, TestTokens.bearer("783", "OFFICER")).json().get("available").asLong())
                .isZero();
    }

    @Test
    void eachOperationCountsOnceAndSpendingComesOutOfTheReservation() {
        String fundId = openFund("783", "Quỹ Vì người nghèo Củ Chi");
        donate("783", fundId, 1_000_000L, "CASH", null);
        Fund fund = mongo.findById(fundId, Fund.class);
        String campaign = "tet-" + fundId;

        LedgerEntry reserved = ledger.record(fund.account(), Movement.reserved(campaign, fundId, 600_000L, "Quà Tết"));
        LedgerEntry again = ledger.record(fund.account(), Movement.reserved(campaign, fundId, 600_000L, "Quà Tết"));
        ledger.record(fund.account(), Movement.spentOnDelivery(campaign, "delivery-1", fundId, 200_000L, "Quà Tết"));
        ledger.record(fund.account(), Movement.spentOnDelivery(campaign, "delivery-1", fundId, 200_000L, "Quà Tết"));
        ledger.record(fund.account(), Movement.released(campaign, fundId, 400_000L));

        assertThat(again.getId()).isEqualTo(reserved.getId());
        Totals totals = ledger.totals(fund.account());
        assertThat(totals.received()).isEqualTo(1_000_000L);
        assertThat(totals.spent()).isEqualTo(200_000L);
        assertThat(totals.reserved()).isZero();
        assertThat(totals.balance()).isEqualTo(800_000L);
        assertThat(totals.seq()).as("received, reserved, spent, released").isEqualTo(4);
    }

    @Test
    void anEntryWrittenByAWriterThatCrashedIsCountedByTheNextReader() {
        String fundId = openFund("783", "Quỹ Khuyến học Củ Chi");
        donate("783", fundId, 400_000_000L, "BANK", "AGR-" + fundId);
        Fund fund = mongo.findById(fundId, Fund.class);
        Totals before = ledger.totals(fund.account());
        Movement scholarships = Movement.spentDirectly("scholarships-" + fundId, 3_480_000L, "8 suất học bổng");
        // The writer inserted entry n+1 and died before moving the fund's totals.
        mongo.insert(new LedgerEntry(fund.account(), before.seq() + 1, scholarships, before.after(scholarships),
                null, java.time.Instant.now(), "test-client-783"));

        var seen = api.get("/api/v1/funds/" + fundId, TestTokens.bearer("783", "OFFICER")).json();

        assertThat(seen.get("spent").asLong()).isEqualTo(3_480_000L);
        assertThat(seen.get("balance").asLong()).isEqualTo(396_520_000L);
        LedgerEntry next = ledger.record(fund.account(), Movement.spentDirectly("notebooks-" + fundId, 1_000_000L, "2.000 quyển vở"));
        assertThat(next.getSeq()).isEqualTo(before.seq() + 2);
    }

    @Test
    void aRunOfEntriesACrashedBatchWriterLeftIsCountedAtOnceCampaignShareIncluded() {
        String fundId = openFund("783", "Quỹ Cứu trợ lũ lụt Củ Chi");
        Fund fund = mongo.findById(fundId, Fund.class);
        Totals running = ledger.totals(fund.account());
        long firstSeq = running.seq() + 1;
        List<LedgerEntry> left = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            Movement gift = Movement.received("crashed-batch-" + fundId + "-" + i, 100_000L, "gift-" + fundId + "-" + i, null, "QR",
                    "QR-" + fundId + "-" + i, null);
            running = running.after(gift);
            left.add(new LedgerEntry(fund.account(), running.seq(), gift, running, null, java.time.Instant.now(), "test-client-783"));
        }
        Movement flood = Movement.reserved("flood-" + fundId, fundId, 50_000_000L, "500 suất cứu trợ");
        running = running.after(flood);
        left.add(new LedgerEntry(fund.account(), running.seq(), flood, running, CampaignShare.NONE.after(flood), java.time.Instant.now(),
                "test-client-783"));
        // A batch writer inserted 2,501 entries and died before moving the fund's totals.
        mongo.insert(left, LedgerEntry.class);

        var seen = api.get("/api/v1/funds/" + fundId, TestTokens.bearer("783", "OFFICER")).json();

        assertThat(seen.get("received").asLong()).isEqualTo(250_000_000L);
        assertThat(seen.get("reserved").asLong()).isEqualTo(50_000_000L);
        assertThat(seen.get("available").asLong()).isEqualTo(200_000_000L);
        assertThat(ledger.shareOf(fund.account(), "flood-" + fundId).reserved()).isEqualTo(50_000_000L);
        LedgerEntry next = ledger.record(fund.account(), Movement.spentDirectly("boats-" + fundId, 1_000_000L, "2 xuồng cứu hộ"));
        assertThat(next.getSeq()).isEqualTo(firstSeq + 2_501);
    }

    @Test
    void aBatchWriterThatLostTheNextNumberToAnotherInstanceStartsAgainAfterItAndTheMetersSaySo() {
        String fundId = openFund("783", "Quỹ Cứu trợ bão Củ Chi");
        Fund fund = mongo.findById(fundId, Fund.class);
        double taken = meters.get("ansinh.ledger.number.taken").counter().count();
        long writes = meters.get("ansinh.ledger.receipts.per.write").summary().count();
        double written = meters.get("ansinh.ledger.receipts.per.write").summary().totalAmount();
        double batchWrites = meters.get("ansinh.ledger.writes").tag("kind", "batch").counter().count();
        // This writer's last batch left the fund empty; another instance's writer then took entry 1.
        Totals knownHere = ledger.totals(fund.account());
        ledger.recordReceipts(fund.account(), List.of(gift(fundId, "other-instance", 300_000L)));

        List<LedgerEntry> entries = ledger.recordReceiptsAfter(fund.account(),
                List.of(gift(fundId, "this-instance-1", 100_000L), gift(fundId, "this-instance-2", 200_000L)),
                List.of("test-client-783", "test-client-783"), null, knownHere).entries();

        assertThat(entries).extracting(LedgerEntry::getSeq).containsExactly(2L, 3L);
        assertThat(ledger.totals(fund.account()).received()).isEqualTo(600_000L);
        assertThat(meters.get("ansinh.ledger.number.taken").counter().count() - taken).as("the one write that lost entry 1").isEqualTo(1);
        assertThat(meters.get("ansinh.ledger.receipts.per.write").summary().count() - writes).as("batches written").isEqualTo(2);
        assertThat(meters.get("ansinh.ledger.receipts.per.write").summary().totalAmount() - written).as("receipts written").isEqualTo(3);
        assertThat(meters.get("ansinh.ledger.writes").tag("kind", "batch").counter().count() - batchWrites)
                .as("batch writes that went in, what the alert divides the lost ones by").isEqualTo(2);
    }

    @Test
    void singleMovementsThatWentInAreCountedAndNeitherARefusedOneNorACrashedWritersEntryIsCountedAsALoss() {
        String fundId = openFund("783", "Quỹ Cứu trợ lũ Củ Chi");
        Fund fund = mongo.findById(fundId, Fund.class);
        ledger.recordReceipts(fund.account(), List.of(gift(fundId, "first", 5_000_000L)));
        double taken = meters.get("ansinh.ledger.number.taken").counter().count();
        double singleWrites = meters.get("ansinh.ledger.writes").tag("kind", "single").counter().count();
        // Another instance wrote entry 2 and died before moving the totals: the next writer rolls them forward, loses nothing.
        Totals atOne = ledger.totals(fund.account());
        Movement otherGift = gift(fundId, "other-instance", 1_000_000L);
        Totals atTwo = atOne.after(otherGift);
        mongo.insert(new LedgerEntry(fund.account(), atTwo.seq(), otherGift, atTwo, null, java.time.Instant.now(), "test-client-783"));

        ledger.record(fund.account(), Movement.reserved("rice-" + fundId, fundId, 6_000_000L, "200 suất gạo"));
        try {
            ledger.record(fund.account(), Movement.reserved("oil-" + fundId, fundId, 1L, "1 chai dầu"));
            throw new AssertionError("a reservation above what is available was accepted");
        } catch (vn.ansinh.platform.domain.Refusal refused) {
            assertThat(refused.code()).isEqualTo("insufficient-funds");
        }

        assertThat(ledger.totals(fund.account())).isEqualTo(new Totals(3, 6_000_000L, 6_000_000L, 0));
        assertThat(meters.get("ansinh.ledger.writes").tag("kind", "single").counter().count() - singleWrites)
                .as("the reservation that went in, not the refused one").isEqualTo(1);
        assertThat(meters.get("ansinh.ledger.number.taken").counter().count() - taken).isZero();
    }

    private static Movement gift(String fundId, String reference, long amount) {
        return Movement.received(reference + "-" + fundId, amount, reference + "-gift-" + fundId, null, "BANK", reference + "-" + fundId, null);
    }

    @Test
    void aReservationLargerThanWhatIsAvailableIsRefusedAndNothingIsWritten() {
        String fundId = openFund("783", "Quỹ Đền ơn đáp nghĩa Củ Chi");
        donate("783", fundId, 24_500_000L, "CASH", null);
        Fund fund = mongo.findById(fundId, Fund.class);
        long entries = ledgerEntries();

        try {
            ledger.record(fund.account(), Movement.reserved("gratitude-" + fundId, fundId, 24_500_001L, "76 suất quà"));
            throw new AssertionError("a reservation above the balance was accepted");
        } catch (Refusal refused) {
            assertThat(refused.code()).isEqualTo("insufficient-funds");
        }
        assertThat(ledgerEntries()).isEqualTo(entries);
        assertThat(ledger.totals(fund.account()).available()).isEqualTo(24_500_000L);
    }
}
