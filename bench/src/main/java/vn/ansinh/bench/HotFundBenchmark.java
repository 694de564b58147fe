package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.intake.ReceiptNumbers;
import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.donation.ledger.ReceiptQueue;
import vn.ansinh.donation.ledger.Totals;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * What one fund's single ledger sequence takes when every gift of a crisis goes into it, with one, two and
 * four donation-service instances writing it at once — the ledger's own path (each instance's group commit,
 * the race for the fund's next entry number between instances, the outbox relay to the broker), without
 * the HTTP stack in front of it, so that the sequence, not the web server's CPU, is what is measured.
 * Each instance is a whole donation-service (its own {@link ReceiptQueue}, {@link Ledger}, relay and
 * meters) on the same embedded broker and wire server; {@code threads} callers per instance give gifts
 * of 100,000 đồng as fast as they are acknowledged, each gift numbered and written as a cash donation is.
 * Afterwards the fund is checked to the đồng: received = gifts acknowledged × 100,000, entries 1..n
 * without a gap, every acknowledged gift in the ledger once.
 * Usage: {@code java -Xmx6g -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.HotFundBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [seconds [threads per instance [instance counts]]]}
 * (20 s, 32 callers, instances {@code 1,2,4}).
 */
public final class HotFundBenchmark {

    private static final long GIFT = 100_000L;

    private HotFundBenchmark() {
    }

    public static void main(String[] args) {
        ExitingMain.run(HotFundBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int[] counts = java.util.Arrays.stream((args.length > 2 ? args[2] : "1,2,4").split(",")).mapToInt(Integer::parseInt).toArray();
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        instances.add(donationService());
        ApiClient api = new ApiClient("http://localhost:" + instances.get(0).getEnvironment().getProperty("local.server.port"));
        String office = TestTokens.bearer("783", "OFFICER");
        TestEvents.publishDemoUnits();
        await().atMost(Duration.ofMinutes(1)).until(() -> api.postJson("/api/v1/funds", office,
                "{\"name\":\"probe\",\"officeUnitCode\":\"783\"}").status() == 201);
        // A warm-up on a fund of its own: the JIT compiles the path before anything is timed.
        hotFund(instances, api, office, "Quỹ khởi động", 5, threads);
        for (int count : counts) {
            while (instances.size() < count) {
                instances.add(donationService());
            }
            Result result = hotFund(instances, api, office, "Quỹ cứu trợ " + count, seconds, threads);
            System.out.printf("Hot fund, %d instance(s), %d callers each: %,d gifts in %.1f s = %,.0f gifts/s into one fund; "
                            + "%,d batch writes (%.1f gifts per write), %,d writes started again (%.1f %% of attempts); "
                            + "checked: received %,d đồng = gifts × 100,000, entries 1..%,d without a gap%n",
                    count, threads, result.gifts(), result.seconds(), result.perSecond(), result.batchWrites(), result.giftsPerWrite(),
                    result.taken(), result.lostPercent(), result.received(), result.entries());
            // "Thousands of gifts a second" into one fund across instances, in the words: at least a thousand.
            Figure.absolute("gifts into one fund's ledger, " + count + " donation-service instance" + (count == 1 ? "" : "s")
                            + " (the ledger's path alone, no HTTP)", result.perSecond(), "gifts/s", 1_000, true,
                    String.format(java.util.Locale.ROOT, "%d callers per instance, %.0f s; %.1f gifts per batch write; %.1f %% of "
                                    + "write attempts lost the fund's next entry number to another instance; fund exact to the đồng afterwards",
                            threads, result.seconds(), result.giftsPerWrite(), result.lostPercent())).print();
        }
        for (ConfigurableApplicationContext instance : instances) {
            instance.close();
        }
    }

    private record Result(long gifts, double seconds, long batchWrites, long taken, long attempts, long received, long entries) {
        double perSecond() {
            return gifts / seconds;
        }

        double giftsPerWrite() {
            return batchWrites == 0 ? 0 : (double) gifts / batchWrites;
        }

        /** Of the write attempts, the share (%) that lost the fund's next entry number to another instance. */
        double lostPercent() {
            return attempts == 0 ? 0 : 100.0 * taken / attempts;
        }
    }

    /** The ledger's meters added over the instances. */
    private record Meters(double taken, double writes, double batchWrites) {
        static Meters of(List<ConfigurableApplicationContext> instances) {
            double taken = 0;
            double writes = 0;
            double batchWrites = 0;
            for (ConfigurableApplicationContext instance : instances) {
                MeterRegistry meters = instance.getBean(MeterRegistry.class);
                taken += meters.get("ansinh.ledger.number.taken").counter().count();
                writes += meters.get("ansinh.ledger.writes").counters().stream().mapToDouble(c -> c.count()).sum();
                batchWrites += meters.get("ansinh.ledger.writes").tag("kind", "batch").counter().count();
            }
            return new Meters(taken, writes, batchWrites);
        }
    }

    /** {@code threads} callers on each instance give into one new fund for {@code seconds}; then the fund is checked. */
    private static Result hotFund(List<ConfigurableApplicationContext> instances, ApiClient api, String office, String name,
                                  int seconds, int threads) throws Exception {
        String fundId = api.postJson("/api/v1/funds", office, "{\"name\":\"" + name + "\",\"officeUnitCode\":\"783\"}")
                .json().get("id").asString();
        Account account = instances.get(0).getBean(MongoTemplate.class).findById(fundId, Fund.class).account();
        Meters before = Meters.of(instances);
        LongAdder acknowledged = new LongAdder();
        ExecutorService callers = Executors.newFixedThreadPool(instances.size() * threads);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (ConfigurableApplicationContext instance : instances) {
            ReceiptQueue queue = instance.getBean(ReceiptQueue.class);
            ReceiptNumbers numbers = instance.getBean(ReceiptNumbers.class);
            for (int t = 0; t < threads; t++) {
                running.add(callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String donationId = UUID.randomUUID().toString();
                        queue.record(account, Movement.received("hot|" + donationId, GIFT, donationId, null, "QR", "QR-" + donationId, null),
                                count -> numbers.nextBlock("783", count));
                        acknowledged.increment();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> caller : running) {
            caller.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        callers.shutdown();
        Meters after = Meters.of(instances);
        long gifts = acknowledged.sum();
        Totals totals = instances.get(0).getBean(Ledger.class).totals(account);
        long entries = instances.get(0).getBean(MongoTemplate.class).count(Query.query(Criteria.where("accountId").is(fundId)),
                LedgerEntry.class);
        if (totals.received() != gifts * GIFT || totals.seq() != gifts || entries != gifts) {
            throw new IllegalStateException("The fund is not exact: " + gifts + " gifts acknowledged, totals " + totals + ", "
                    + entries + " entries");
        }
        long taken = Math.round(after.taken() - before.taken());
        long writes = Math.round(after.writes() - before.writes());
        return new Result(gifts, elapsed, Math.round(after.batchWrites() - before.batchWrites()), taken, writes + taken,
                totals.received(), entries);
    }

    private static ConfigurableApplicationContext donationService() {
        return EmbeddedDonationService.start("bench-hot-fund");
    }
}
