package vn.ansinh.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes every write endpoint safe to retry: a request with an {@code Idempotency-Key} header that
 * was already answered gets the first answer again, byte for byte, without running twice. The key
 * is scoped to the caller and the endpoint. A repeat that arrives while the first is still running
 * gets 409. Only successful (2xx) answers are remembered, so a client can fix a bad request and
 * resend it with the same key. Answers are kept for 24 hours.
 *
 * <p>The first answer is replayed only to the same request: the body (and query) is fingerprinted, and
 * a key reused with another body is refused with 422 rather than answered with the first request's
 * result. A request that died while running (its key left IN_PROGRESS) stops blocking its key after
 * {@code ansinh.idempotency.abandoned-after} (2 minutes: longer than any request runs — imports
 * answer at once and run as jobs — short enough for a client's retry).
 * <p>A request that died after its write but before its answer was recorded is run again by the
 * retry; a create that must not happen twice takes its new id from {@link #requestKeyOf}, so the
 * second run finds what the first one saved.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 200;
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final String REQUEST_KEY = IdempotencyKeyFilter.class.getName() + ".requestKey";

    private final MongoTemplate mongo;
    private final ProblemFactory problems;
    private final ProblemWriter writer;

    private final Duration abandonedAfter;

    /** @param abandonedAfter how long a key whose request never answered (its instance died) blocks a retry */
    public IdempotencyKeyFilter(MongoTemplate mongo, ProblemFactory problems, ProblemWriter writer, Duration abandonedAfter) {
        this.mongo = mongo;
        this.problems = problems;
        this.writer = writer;
        this.abandonedAfter = abandonedAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            writer.write(response, problems.create(HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
                    RequestLocales.of(request), MAX_KEY_LENGTH));
            return;
        }
        String id = recordId(request, key);
        request.setAttribute(REQUEST_KEY, id);
        Document previous = mongo.findById(id, Document.class, COLLECTION);
        if (previous != null && abandoned(previous)) {
            // The request that took this key died while running: the key is free again.
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("IN_PROGRESS")
                    .and("createdAt").is(previous.get("createdAt"))), COLLECTION);
            previous = null;
        }
        if (previous != null) {
            replayOrConflict(previous, new RequestFingerprint(request), request, response);
            return;
        }
        try {
            mongo.insert(new Document("_id", id).append("state", "IN_PROGRESS").append("createdAt", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentRepeat) {
            replayOrConflict(mongo.findById(id, Document.class, COLLECTION), new RequestFingerprint(request), request, response);
            return;
        }
        RequestFingerprint fingerprint = new RequestFingerprint(request);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(fingerprint.request(), recorded);
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("state", "DONE")
                        .set("status", recorded.getStatus()).set("contentType", recorded.getContentType())
                        .set("location", recorded.getHeader("Location")).set("fingerprint", fingerprint.finish())
                        .set("body", new Binary(recorded.getContentAsByteArray())), COLLECTION);
                remembered = true;
            }
        } finally {
            if (!remembered) {
                mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            }
            recorded.copyBodyToResponse();
        }
    }

    private boolean abandoned(Document record) {
        Object createdAt = record.get("createdAt");
        Instant started = createdAt instanceof java.util.Date date ? date.toInstant() : createdAt instanceof Instant instant ? instant : null;
        return "IN_PROGRESS".equals(record.getString("state")) && started != null
                && started.isBefore(Instant.now().minus(abandonedAfter));
    }

    private void replayOrConflict(Document previous, RequestFingerprint repeat, HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        if (previous == null || !"DONE".equals(previous.getString("state"))) {
            writer.write(response, problems.create(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                    RequestLocales.of(request)));
            return;
        }
        String stored = previous.getString("fingerprint");
        if (stored != null && !stored.equals(repeat.finish())) {
            writer.write(response, problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    RequestLocales.of(request)));
            return;
        }
        response.setStatus(previous.getInteger("status"));
        if (previous.getString("contentType") != null) {
            response.setContentType(previous.getString("contentType"));
        }
        if (previous.getString("location") != null) {
            response.setHeader("Location", previous.getString("location"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = previous.get("body", Binary.class).getData();
        response.getOutputStream().write(body);
    }

    /**
     * Forgets answers older than a day, so the collection does not grow for ever. Done here rather than
     * with a TTL index because the embedded wire server ignores TTL indexes.
     */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void forgetOldAnswers() {
        mongo.remove(Query.query(Criteria.where("createdAt").lt(Instant.now().minus(RETENTION))), COLLECTION);
        mongo.remove(Query.query(Criteria.where("state").is("IN_PROGRESS").and("createdAt").lt(Instant.now().minus(abandonedAfter))),
                COLLECTION);
    }

    /**
     * The request's Idempotency-Key, scoped like its record (caller, method, path), or null when the
     * caller sent none: the same for every run of the same request, and only of that request.
     */
    public static String requestKeyOf(HttpServletRequest request) {
        return (String) request.getAttribute(REQUEST_KEY);
    }

    private static String recordId(HttpServletRequest request, String key) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller == null ? "anonymous:" + request.getRemoteAddr() : caller.getName();
        return idOf(who, request.getMethod(), request.getRequestURI(), key);
    }

    /** The record of a key: scoped to the caller (the token's subject), the method and the path. */
    public static String idOf(String caller, String method, String path, String key) {
        String raw = caller + "\n" + method + "\n" + path + "\n" + key;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
