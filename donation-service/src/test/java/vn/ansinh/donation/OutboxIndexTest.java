package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The relay's sweep asks every outbox collection for documents with events still to send: an index of
 * exactly those keeps it from reading a whole ledger every 30 seconds.
 */
class OutboxIndexTest extends DonationServiceTest {

    @Test
    void everyOutboxCollectionHasAnIndexOfItsPendingEvents() {
        for (String collection : List.of("funds", "ledger_entries", "in_kind_donations", "campaign_reservations", "donors")) {
            assertThat(mongo.indexOps(collection).getIndexInfo()).extracting(IndexInfo::getName).as(collection).contains("outbox_pending");
        }
    }
}
