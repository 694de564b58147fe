package vn.ansinh.donation.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.platform.audit.Actor;
import vn.ansinh.events.Topics;
import vn.ansinh.platform.deadletter.DeadLetters;
import vn.ansinh.platform.kafka.TopicsConfiguration;

/**
 * Writes queued donations ({@link QueuedBatchIntake}) into their funds' ledgers: each poll's rows,
 * grouped by fund and batch, go in through {@link Ledger#recordReceipts} a thousand at a time, named on
 * each entry as recorded by whoever sent the batch. Rows are keyed by fund, so one fund's rows are
 * read by one consumer in the order they were taken, and two instances never race for one fund's
 * next entry number here. Each row's outcome (recorded, or a repeat of a donation already recorded)
 * is stored by batch and row before the offsets are committed; a redelivered poll finds its rows in
 * the ledger by their operation keys and changes nothing. A failed poll (the database away) is tried
 * again, backing off, never skipped; a row that cannot be read goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class QueuedDonationRecorder {

    static final String BINDING = "donationIntake-in-0";
    private static final int CHUNK = 1_000;

    private record Group(String fundId, String batchId, String recordedBy, String office) {
    }

    private final Ledger ledger;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final DeadLetters deadLetters;
    private final Counter recorded;
    private final Counter repeated;

    QueuedDonationRecorder(Ledger ledger, MongoTemplate mongo, JsonMapper json, DeadLetters deadLetters, MeterRegistry meters) {
        this.ledger = ledger;
        this.mongo = mongo;
        this.json = json;
        this.deadLetters = deadLetters;
        this.recorded = Counter.builder("ansinh.donations.queued.recorded")
                .description("Queued donations written into their fund's ledger").register(meters);
        this.repeated = Counter.builder("ansinh.donations.queued.repeated")
                .description("Queued donations that repeated one already recorded (a bank reference seen before)").register(meters);
    }

    /** The queue of taken donations, as {@link Topics#DONATION_INTAKE} declares it. */
    @Bean
    NewTopic donationIntakeTopic(@Value("${ansinh.kafka.replication-factor:1}") short replicationFactor) {
        return TopicsConfiguration.newTopic(Topics.DONATION_INTAKE, replicationFactor);
    }

    @Bean
    Consumer<Message<List<byte[]>>> donationIntake() {
        return this::record;
    }

    /** A failed poll is tried again until it goes through: a queued donation was acknowledged and must not be skipped. */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> queuedDonationsRetried() {
        return (container, destination, group) -> {
            if (QueuedBatchIntake.TOPIC.equals(destination)) {
                ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
                backOff.setMaxInterval(10_000);
                container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            }
        };
    }

    @SuppressWarnings("unchecked")
    void record(Message<List<byte[]>> poll) {
        List<byte[]> payloads = poll.getPayload();
        List<Integer> partitions = poll.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<Long> offsets = poll.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<Map<String, Object>> recordHeaders = poll.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        Map<Group, List<QueuedDonation>> groups = new LinkedHashMap<>();
        for (int i = 0; i < payloads.size(); i++) {
            try {
                QueuedDonation queued = json.readValue(payloads.get(i), QueuedDonation.class);
                groups.computeIfAbsent(new Group(queued.fundId(), queued.batchId(), queued.recordedBy(), queued.office()),
                        group -> new ArrayList<>()).add(queued);
            } catch (JacksonException unreadable) {
                deadLetters.park(BINDING, QueuedBatchIntake.TOPIC, partitions.get(i), offsets.get(i), null,
                        recordHeaders == null ? Map.of() : recordHeaders.get(i), payloads.get(i), unreadable);
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        Map<String, Fund> funds = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(groups.keySet().stream().map(Group::fundId).distinct().toList())), Fund.class)
                .forEach(fund -> funds.put(fund.getId(), fund));
        BulkOperations outcomes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, QueuedBatchIntake.ROWS);
        groups.forEach((group, rows) -> {
            Fund fund = funds.get(group.fundId());
            if (fund == null) { // checked when the batch was taken, and funds are never deleted: the database is not the one it was
                throw new IllegalStateException("Queued donations for fund " + group.fundId() + ", which this database does not have");
            }
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<QueuedDonation> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                List<Movement> receipts = chunk.stream().map(row -> Movement.received(row.operationKey(), row.amount(), row.donationId(),
                        row.donorId(), row.channel(), row.reference(), row.receiptNumber()).earmarkedFor(row.earmark())).toList();
                List<LedgerEntry> entries = Actor.onBehalfOf(group.recordedBy(), group.office(), "donation-batch:" + group.batchId(),
                        () -> ledger.recordReceipts(fund.account(), receipts));
                for (int i = 0; i < chunk.size(); i++) {
                    QueuedDonation row = chunk.get(i);
                    boolean recordedNow = entries.get(i).getDonationId().equals(row.donationId());
                    (recordedNow ? recorded : repeated).increment();
                    outcomes.upsert(Query.query(Criteria.where("_id").is(row.batchId() + "#" + row.row())), new Update()
                            .set("batchId", row.batchId()).set("row", row.row())
                            .set("outcome", (recordedNow ? QueuedBatchIntake.RowOutcome.RECORDED : QueuedBatchIntake.RowOutcome.DUPLICATE).name())
                            .set("recordedAs", entries.get(i).getDonationId()));
                }
            }
        });
        outcomes.execute();
    }
}
