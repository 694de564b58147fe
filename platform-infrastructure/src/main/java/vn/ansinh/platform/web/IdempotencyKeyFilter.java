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
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 200;
    private static final Duration RETENTION = Duration.ofHours(24);

    private final MongoTemplate mongo;
    private final ProblemFactory problems;
    private final ProblemWriter writer;

    public IdempotencyKeyFilter(MongoTemplate mongo, ProblemFactory problems, ProblemWriter writer) {
        this.mongo = mongo;
        this.problems = problems;
        this.writer = writer;
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
        Document previous = mongo.findById(id, Document.class, COLLECTION);
        if (previous != null) {
            replayOrConflict(previous, request, response);
            return;
        }
        try {
            mongo.insert(new Document("_id", id).append("state", "IN_PROGRESS").append("createdAt", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentRepeat) {
            replayOrConflict(mongo.findById(id, Document.class, COLLECTION), request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() >= 200 && recorded.getStatus() < 300) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("state", "DONE")
                        .set("status", recorded.getStatus()).set("contentType", recorded.getContentType())
                        .set("location", recorded.getHeader("Location"))
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

    private void replayOrConflict(Document previous, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (previous == null || !"DONE".equals(previous.getString("state"))) {
            writer.write(response, problems.create(HttpStatus.CONFLICT, "idempotency-key-in-progress",
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
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOldAnswers() {
        mongo.remove(Query.query(Criteria.where("createdAt").lt(Instant.now().minus(RETENTION))), COLLECTION);
    }

    private static String recordId(HttpServletRequest request, String key) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller == null ? "anonymous:" + request.getRemoteAddr() : caller.getName();
        String raw = who + "\n" + request.getMethod() + "\n" + request.getRequestURI() + "\n" + key;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
