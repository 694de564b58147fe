package vn.ansinh.donation.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.platform.audit.Actor;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.domain.TransientContention;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.KeyedCreation;

/**
 * Crisis intake that answers as soon as the batch is durable, before it is in the ledger: each row is
 * checked like a single donation, the good ones are numbered and put on {@code donation.intake} (keyed by
 * fund, acknowledged by every in-sync replica), and the answer is 202 with each row's donation id.
 * {@link QueuedDonationRecorder} then writes them into the funds' ledgers in large batches, and
 * {@link #progress} tells how far it got and which rows turned out to repeat a donation already
 * recorded (a bank reference seen before). Acknowledged means on the broker's disks: a crash of this
 * service after the answer loses nothing; one before it leaves the batch unanswered, and the sender
 * sends it again — with the same Idempotency-Key the rows keep their donation ids, so nothing counts
 * twice (rows with a bank reference never count twice in any case).
 */
@Service
class QueuedBatchIntake {

    static final String TOPIC = vn.ansinh.events.Topics.DONATION_INTAKE.name();
    static final String BATCHES = "donation_batches";
    static final String ROWS = "donation_batch_rows";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    public enum RowOutcome {
        RECORDED, DUPLICATE
    }

    public record QueuedBatch(String batchId, int rows, int queued, int rejected, List<DonationBatchService.RowResult> results) {
    }

    /** A row that repeated a donation recorded before: its number, and the donation it repeats. */
    public record RepeatedRow(int row, String donationId) {
    }

    public record BatchProgress(String batchId, String state, int rows, int queued, int rejected, long recorded, long duplicates,
                                long waiting, List<RepeatedRow> duplicateRows) {
    }

    private final DonationBatchService checks;
    private final ReceiptNumbers receiptNumbers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final OfficeScope scope;
    private final Clock clock;

    QueuedBatchIntake(DonationBatchService checks, ReceiptNumbers receiptNumbers, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                      MongoTemplate mongo, JsonMapper json, OfficeScope scope, Clock clock) {
        this.checks = checks;
        this.receiptNumbers = receiptNumbers;
        this.kafka = outboxKafkaTemplate;
        this.mongo = mongo;
        this.json = json;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * @param requestKey the caller's Idempotency-Key for this request, or null
     * @throws TransientContention {@code intake-unavailable} when the broker did not acknowledge every row
     */
    public QueuedBatch accept(List<DonationBatchService.Row> rows, String requestKey) {
        DonationBatchService.CheckedRows checked = checks.check(rows);
        String batchId = KeyedCreation.idFor("donation-batch", requestKey);
        Actor sender = Actor.current("donation-service");
        List<DonationBatchService.RowResult> results = new ArrayList<>(checked.refused().values());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        checked.goodRowsByFund().forEach((fundId, fundRows) -> {
            Fund fund = checked.fundsById().get(fundId);
            List<String> numbers = receiptNumbers.nextBlock(fund.getOfficeUnitCode(), fundRows.size());
            for (int i = 0; i < fundRows.size(); i++) {
                DonationBatchService.Row row = fundRows.get(i);
                CashDonationRequest request = row.request();
                // With a key, a resent batch gives each row the id it had: the ledger then finds it recorded.
                String donationId = KeyedCreation.idFor("donation", requestKey == null ? null : requestKey + "#" + row.number());
                QueuedDonation queued = new QueuedDonation(batchId, row.number(), donationId, fundId, request.amount(),
                        request.channel().name(), CashDonationService.referenceOf(request), request.donorId(), numbers.get(i),
                        sender.id(), sender.office(), request.earmark());
                sends.add(send(queued));
                results.add(new DonationBatchService.RowResult(row.number(), DonationBatchService.RowStatus.QUEUED, donationId, null));
            }
        });
        awaitAcknowledgements(sends);
        int queued = sends.size();
        // Upserted, not inserted: a resent batch (same key) finds its document and leaves it as it was.
        mongo.upsert(Query.query(Criteria.where("_id").is(batchId)), new Update()
                .setOnInsert("offices", checked.fundsById().values().stream().filter(java.util.Objects::nonNull)
                        .map(Fund::getOfficeUnitCode).distinct().toList())
                .setOnInsert("senderOffice", CallerOffice.current().officeCode())
                .setOnInsert("sentBy", sender.id())
                .setOnInsert("receivedAt", clock.instant())
                .setOnInsert("rows", rows.size())
                .setOnInsert("queued", queued)
                .setOnInsert("rejected", rows.size() - queued), BATCHES);
        results.sort(Comparator.comparingInt(DonationBatchService.RowResult::row));
        return new QueuedBatch(batchId, rows.size(), queued, rows.size() - queued, results);
    }

    private CompletableFuture<?> send(QueuedDonation queued) {
        try {
            return kafka.send(new ProducerRecord<>(TOPIC, queued.fundId(), json.writeValueAsBytes(queued)));
        } catch (RuntimeException refusedAtOnce) {
            return CompletableFuture.failedFuture(refusedAtOnce);
        }
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransientContention("intake-unavailable");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notAcknowledged) {
            throw new TransientContention("intake-unavailable");
        }
    }

    /**
     * How far a queued batch is: rows recorded, rows that repeated an earlier donation (listed, at most
     * 1,000), rows still waiting. A batch outside the caller's area is reported as absent.
     */
    public BatchProgress progress(String batchId) {
        Document batch = mongo.findById(batchId, Document.class, BATCHES);
        CallerOffice caller = CallerOffice.current();
        if (batch == null || !scope.canRead(caller, batch.getString("senderOffice"))
                || !batch.getList("offices", String.class).stream().allMatch(office -> scope.canRead(caller, office))) {
            throw Refusal.notFound("donation batch", batchId);
        }
        long recorded = mongo.count(Query.query(Criteria.where("batchId").is(batchId).and("outcome").is(RowOutcome.RECORDED.name())), ROWS);
        Query repeated = Query.query(Criteria.where("batchId").is(batchId).and("outcome").is(RowOutcome.DUPLICATE.name()));
        long duplicates = mongo.count(repeated, ROWS);
        List<RepeatedRow> duplicateRows = mongo.find(repeated.with(Sort.by("row")).limit(1_000), Document.class, ROWS).stream()
                .map(row -> new RepeatedRow(row.getInteger("row"), row.getString("recordedAs"))).toList();
        int queued = batch.getInteger("queued");
        long waiting = Math.max(0, queued - recorded - duplicates);
        return new BatchProgress(batchId, waiting == 0 ? "DONE" : "RECORDING", batch.getInteger("rows"), queued,
                batch.getInteger("rejected"), recorded, duplicates, waiting, duplicateRows);
    }
}
