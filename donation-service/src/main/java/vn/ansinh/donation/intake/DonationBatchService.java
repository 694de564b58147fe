package vn.ansinh.donation.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import vn.ansinh.donation.donor.DonorService;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.fund.FundService;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Crisis intake: up to 10,000 cash donations in one request. Each row is checked like a single
 * donation; the good rows of each fund are written to its ledger together (a few round trips per
 * fund, not per row). A row whose bank reference is already recorded is reported as a duplicate,
 * not counted again. Write path: the same outbox as single donations (entry and events in one
 * document), so an acknowledged row is never lost.
 */
@Service
class DonationBatchService {

    public static final int MAX_ROWS = 10_000;

    public enum RowStatus {
        ACCEPTED, DUPLICATE, REJECTED,
        /** Taken and on its way into the ledger (a queued batch). */
        QUEUED
    }

    /** A row as read from the request: either a request or why it could not be read. */
    public record Row(int number, CashDonationRequest request, String unreadable) {
    }

    public record RowResult(int row, RowStatus status, String donationId, String reason) {
    }

    public record BatchResult(int rows, int accepted, int duplicates, int rejected, List<RowResult> results) {
    }

    private final FundService funds;
    private final Ledger ledger;
    private final DonorService donors;
    private final OfficeScope scope;
    private final Validator validator;
    private final ReceiptNumbers receiptNumbers;

    DonationBatchService(FundService funds, Ledger ledger, DonorService donors, OfficeScope scope, Validator validator,
                         ReceiptNumbers receiptNumbers) {
        this.funds = funds;
        this.ledger = ledger;
        this.donors = donors;
        this.scope = scope;
        this.validator = validator;
        this.receiptNumbers = receiptNumbers;
    }

    /**
     * The rows checked like single donations: why each bad row is refused, and the good rows by fund
     * (with their funds), in the order they came.
     */
    record CheckedRows(Map<Integer, RowResult> refused, Map<String, List<Row>> goodRowsByFund, Map<String, Fund> fundsById) {
    }

    CheckedRows check(List<Row> rows) {
        Map<Integer, RowResult> refused = new HashMap<>();
        Map<String, Fund> fundsById = new HashMap<>();
        Map<String, List<Row>> goodRowsByFund = new LinkedHashMap<>();
        CallerOffice caller = CallerOffice.current();
        Set<String> knownDonors = donors.byIds(rows.stream().filter(r -> r.request() != null && r.request().donorId() != null)
                .map(r -> r.request().donorId()).distinct().toList()).keySet();
        for (Row row : rows) {
            String problem = problemWith(row, fundsById, caller, knownDonors);
            if (problem != null) {
                refused.put(row.number(), new RowResult(row.number(), RowStatus.REJECTED, null, problem));
            } else {
                goodRowsByFund.computeIfAbsent(row.request().fundId(), id -> new ArrayList<>()).add(row);
            }
        }
        return new CheckedRows(refused, goodRowsByFund, fundsById);
    }

    public BatchResult receive(List<Row> rows) {
        CheckedRows checked = check(rows);
        Map<Integer, RowResult> results = new HashMap<>(checked.refused());
        Map<String, Fund> fundsById = checked.fundsById();
        Map<String, List<Row>> goodRowsByFund = checked.goodRowsByFund();
        goodRowsByFund.forEach((fundId, fundRows) -> {
            List<String> newIds = new ArrayList<>();
            List<Movement> receipts = new ArrayList<>();
            List<String> numbers = receiptNumbers.nextBlock(fundsById.get(fundId).getOfficeUnitCode(), fundRows.size());
            for (int i = 0; i < fundRows.size(); i++) {
                CashDonationRequest request = fundRows.get(i).request();
                String donationId = UUID.randomUUID().toString();
                newIds.add(donationId);
                receipts.add(Movement.received(CashDonationService.operationKey(request, donationId), request.amount(),
                        donationId, request.donorId(), request.channel().name(), CashDonationService.referenceOf(request),
                        numbers.get(i)).earmarkedFor(request.earmark()));
            }
            List<LedgerEntry> entries = ledger.recordReceipts(fundsById.get(fundId).account(), receipts);
            for (int i = 0; i < fundRows.size(); i++) {
                LedgerEntry entry = entries.get(i);
                boolean recordedNow = entry.getDonationId().equals(newIds.get(i));
                int number = fundRows.get(i).number();
                results.put(number, new RowResult(number, recordedNow ? RowStatus.ACCEPTED : RowStatus.DUPLICATE,
                        entry.getDonationId(), null));
            }
        });
        List<RowResult> ordered = results.values().stream().sorted(Comparator.comparingInt(RowResult::row)).toList();
        return new BatchResult(rows.size(), count(ordered, RowStatus.ACCEPTED), count(ordered, RowStatus.DUPLICATE),
                count(ordered, RowStatus.REJECTED), ordered);
    }

    private String problemWith(Row row, Map<String, Fund> fundsById, CallerOffice caller, Set<String> knownDonors) {
        if (row.unreadable() != null) {
            return row.unreadable();
        }
        Set<ConstraintViolation<CashDonationRequest>> violations = validator.validate(row.request());
        if (!violations.isEmpty()) {
            return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
        }
        String fundId = row.request().fundId();
        if (!fundsById.containsKey(fundId)) {
            try {
                fundsById.put(fundId, funds.get(fundId));
            } catch (vn.ansinh.platform.domain.Refusal notFound) {
                fundsById.put(fundId, null);
            }
        }
        Fund fund = fundsById.get(fundId);
        if (fund == null || !scope.covers(caller, fund.getOfficeUnitCode())) {
            return "fundId: no fund " + fundId + " in your area";
        }
        if (!caller.actsForWholeOffice() && !caller.organisationCode().equals(fund.getOrganisationCode())) {
            return "fundId: fund " + fundId + " is not of your organisation";
        }
        if (row.request().donorId() != null && !knownDonors.contains(row.request().donorId())) {
            return "donorId: no donor " + row.request().donorId();
        }
        return null;
    }

    private static int count(List<RowResult> results, RowStatus status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
