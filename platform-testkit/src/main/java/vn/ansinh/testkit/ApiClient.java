package vn.ansinh.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that talk to a running service as an integrator would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Duration timeout;

    public ApiClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    /** A client that waits {@code timeout} for each answer (a benchmark's long import). */
    public ApiClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    public record Response(int status, String contentType, String body, Map<String, String> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    /** A GET with extra headers, e.g. what a reverse proxy adds. */
    public Response get(String path, String authorization, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, authorization).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response postJson(String path, String authorization, String json) {
        return postJson(path, authorization, json, Map.of());
    }

    public Response postJson(String path, String authorization, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Any method with a JSON body, e.g. PATCH. */
    public Response send(String method, String path, String authorization, String json) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A PUT of raw bytes (an image a field device attaches). */
    public Response put(String path, String authorization, String contentType, byte[] body) {
        return send(request(path, authorization).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response post(String path, String authorization, String contentType, byte[] body) {
        return post(path, authorization, contentType, body, Map.of());
    }

    public Response post(String path, String authorization, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, authorization).header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Uploads one file as the multipart part {@code file}, the way a browser form sends it. */
    public Response postFile(String path, String authorization, String fileName, byte[] content) {
        return postForm(path, authorization, Map.of(), fileName, content);
    }

    /** A browser form's upload: its text fields, then the file as the part {@code file}. */
    public Response postForm(String path, String authorization, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "ansinh-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, authorization, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Response(response.statusCode(), headers.getOrDefault("content-type", ""), response.body(), headers);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
