package vn.ansinh.donation.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Group commit for receipts. Many donations into one fund at the same moment would otherwise race
 * for the fund's next entry number and retry one another into the ground; here they queue per fund,
 * and whichever request finds no writer at work becomes the writer: it records everything queued in
 * one batch ({@link Ledger#recordReceipts}), then the next batch, until the queue is empty. Each
 * request returns only once its own entry is written, so an acknowledged donation is stored. The lane
 * remembers the totals its last batch left, so a busy fund's next batch starts from them instead of
 * reading them again; a reservation or another instance's writer in between only costs that batch a retry.
 */
@Component
public class ReceiptQueue {

    private static final int MAX_BATCH = 1_000;

    /** A receipt waiting, with who asked for it and where its office's receipt numbers come from. */
    private record Pending(Movement receipt, String recorder, ReceiptNumbering numbering, CompletableFuture<LedgerEntry> written) {
    }

    private static final class Lane {
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();
        /** The totals the last batch left (read and written only by the request holding {@code writing}); null: read them. */
        volatile Totals known;
    }

    private final Ledger ledger;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    ReceiptQueue(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Records the receipt, batched with whatever else is arriving for the same account. A receipt without a
     * number takes one from {@code numbering} when its batch is written (one round trip per batch); the same
     * operation already in the ledger is answered with the entry recorded then, and takes no number.
     */
    public LedgerEntry record(Account account, Movement receipt, ReceiptNumbering numbering) {
        Lane lane = lanes.computeIfAbsent(account.id(), id -> new Lane());
        Pending pending = new Pending(receipt, vn.ansinh.platform.audit.Actor.current("donation-service").id(), numbering,
                new CompletableFuture<>());
        lane.queue.add(pending);
        while (!lane.queue.isEmpty() && lane.writing.compareAndSet(false, true)) {
            try {
                writeQueued(account, lane);
            } finally {
                lane.writing.set(false);
            }
        }
        return pending.written().join();
    }

    private void writeQueued(Account account, Lane lane) {
        for (List<Pending> batch = take(lane); !batch.isEmpty(); batch = take(lane)) {
            try {
                // One account, one office: the batch's receipts are numbered from its first request's numbering.
                Ledger.ReceiptsWritten written = ledger.recordReceiptsAfter(account, batch.stream().map(Pending::receipt).toList(),
                        batch.stream().map(Pending::recorder).toList(), batch.get(0).numbering(), lane.known);
                if (written.totals() != null) {
                    lane.known = written.totals();
                }
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).written().complete(written.entries().get(i));
                }
            } catch (RuntimeException failed) {
                lane.known = null; // whatever the database did, read the totals again next time
                batch.forEach(pending -> pending.written().completeExceptionally(failed));
            }
        }
    }

    private static List<Pending> take(Lane lane) {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = lane.queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }
}
