package vn.ansinh.console.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;

/**
 * One service's public API, called with the signed-in person's token (or none, for the public
 * endpoints). Every call has a connect and a read timeout and goes through the service's circuit
 * breaker: a service that is down fails fast with {@link ServiceUnavailableException} instead of
 * holding every page for its timeout. A refusal (4xx) is an {@link ApiRefusal}, not a failure of the
 * service, so it never opens the circuit.
 */
public class ServiceApi {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A service leaving out a flag (null) means false, as its own defaults say.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final Service service;
    private final RestClient http;
    private final CircuitBreaker breaker;
    private final Supplier<String> personToken;
    private final String base;

    public ServiceApi(Service service, URI baseUri, java.time.Duration connectTimeout, java.time.Duration readTimeout,
                      CircuitBreaker breaker, Supplier<String> personToken) {
        this.service = service;
        this.breaker = breaker;
        this.personToken = personToken;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build());
        requests.setReadTimeout(readTimeout);
        this.base = baseUri.toString().replaceAll("/+$", "");
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** GET as the signed-in person, the answer read as {@code type}. {@code path} is already encoded. */
    public <T> T get(String path, Class<T> type) {
        return read(call("GET", path, null, true, null), JSON.constructType(type));
    }

    /** GET of a page of {@code itemType}. */
    public <T> Page<T> getPage(String path, Class<T> itemType) {
        return read(call("GET", path, null, true, null), JSON.getTypeFactory().constructParametricType(Page.class, itemType));
    }

    /** GET of a JSON array of {@code itemType}. */
    public <T> List<T> getList(String path, Class<T> itemType) {
        return read(call("GET", path, null, true, null), JSON.getTypeFactory().constructCollectionType(List.class, itemType));
    }

    /** GET as the signed-in person, the answer's bytes as they are (a CSV export). */
    public byte[] getBytes(String path) {
        return call("GET", path, null, true, null, MediaType.ALL);
    }

    /** POST of a JSON body as the signed-in person; the answer as a tree (empty for no body). */
    public JsonNode post(String path, Object body) {
        byte[] answer = call("POST", path, body, true, null);
        return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    /** POST as the signed-in person, the answer read as {@code type}. */
    public <T> T post(String path, Object body, Class<T> type) {
        return read(call("POST", path, body, true, null), JSON.constructType(type));
    }

    /**
     * A CSV file streamed as the body (text/csv) with its length, as the signed-in person: a district's
     * file is never held whole in the console's memory.
     */
    public <T> T postCsv(String path, java.io.InputStream content, long length, Class<T> type) {
        return read(call("POST", path, new CsvStream(content, length), true, null), JSON.constructType(type));
    }

    private record CsvStream(java.io.InputStream content, long length) {
    }

    /** PUT of an image as the body (a photo proving a handover), as the signed-in person; the answer as a tree. */
    public JsonNode putImage(String path, byte[] image, String contentType) {
        byte[] answer = call("PUT", path, new Image(image, contentType), true, null);
        return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    private record Image(byte[] bytes, String contentType) {
    }

    /**
     * A browser form's upload passed on as multipart: its text fields and the file as the part {@code file}
     * (a bank's statement), as the signed-in person; the answer read as {@code type}.
     */
    public <T> T postForm(String path, Map<String, String> fields, String fileName, byte[] file, Class<T> type) {
        return read(call("POST", path, new Form(fields, fileName, file), true, null), JSON.constructType(type));
    }

    private record Form(Map<String, String> fields, String fileName, byte[] file) {
    }

    /** A public endpoint's bytes as they are (an image), no token, for the resident at {@code clientAddress}. */
    public byte[] getPublicBytes(String path, String clientAddress) {
        return call("GET", path, null, false, clientAddress, MediaType.ALL);
    }

    /** PUT of a JSON body as the signed-in person (a figure entered for a unit and year); the answer as a tree. */
    public JsonNode put(String path, Object body) {
        byte[] answer = call("PUT", path, body, true, null);
        return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    /** PATCH of a JSON body as the signed-in person. */
    public JsonNode patch(String path, Object body) {
        byte[] answer = call("PATCH", path, body, true, null);
        return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    /**
     * A public endpoint, no token: {@code clientAddress} is the resident's own address, passed on as
     * {@code X-Forwarded-For} so that the service's per-address limits count the resident, not the
     * console (the service trusts that header only from the console's address).
     */
    public <T> T callPublic(String method, String path, Object body, String clientAddress, Class<T> type) {
        return read(call(method, path, body, false, clientAddress), JSON.constructType(type));
    }

    private <T> T read(byte[] body, JavaType type) {
        return JSON.readValue(body, type);
    }

    private byte[] call(String method, String path, Object body, boolean asPerson, String clientAddress) {
        return call(method, path, body, asPerson, clientAddress, MediaType.APPLICATION_JSON);
    }

    private byte[] call(String method, String path, Object body, boolean asPerson, String clientAddress, MediaType accept) {
        // Read on the calling thread: the session and the person's locale live there.
        String token = asPerson ? personToken.get() : null;
        Locale locale = LocaleContextHolder.getLocale();
        try {
            return breaker.executeSupplier(() -> exchange(method, path, body, token, locale, clientAddress, accept));
        } catch (CallNotPermittedException open) {
            throw new ServiceUnavailableException(service, open);
        }
    }

    private byte[] exchange(String method, String path, Object body, String token, Locale locale, String clientAddress,
                            MediaType accept) {
        // Paths come encoded (query values built with UriComponentsBuilder.encode()): taken as they are, not encoded twice.
        RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(URI.create(base + path))
                .accept(accept, MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag());
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        if (body instanceof CsvStream csv) {
            request.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).contentLength(csv.length())
                    .body(out -> csv.content().transferTo(out));
        } else if (body instanceof Form form) {
            // Written out whole with its length: the services take no upload of unknown length.
            String boundary = "ansinh-" + java.util.UUID.randomUUID();
            java.io.ByteArrayOutputStream parts = new java.io.ByteArrayOutputStream(form.file().length + 1024);
            form.fields().forEach((name, value) -> parts.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            String fileName = form.fileName() == null || form.fileName().isBlank() ? "statement" : form.fileName().replaceAll("[\"\\r\\n]", "_");
            parts.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            parts.writeBytes(form.file());
            parts.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] multipart = parts.toByteArray();
            request.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary)).contentLength(multipart.length)
                    .body(multipart);
        } else if (body instanceof Image image) {
            request.contentType(MediaType.parseMediaType(image.contentType())).body(image.bytes());
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
        }
        try {
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                byte[] bytes = response.getBody().readAllBytes();
                if (status.is2xxSuccessful()) {
                    return bytes;
                }
                if (status.value() == 401) {
                    throw new SignInAgainException(service + " refused the person's token");
                }
                if (status.is4xxClientError()) {
                    throw refusal(status.value(), bytes);
                }
                // A server error or an overloaded service (503): a failure the circuit counts.
                throw new ServiceUnavailableException(service, new IOException("HTTP " + status.value()));
            }, true);
        } catch (RestClientException unreachable) {
            throw new ServiceUnavailableException(service, unreachable);
        }
    }

    private static ApiRefusal refusal(int status, byte[] bytes) {
        try {
            JsonNode problem = JSON.readTree(bytes);
            List<ApiRefusal.FieldProblem> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(new ApiRefusal.FieldProblem(
                    error.path("field").asString(""), error.path("message").asString(""))));
            return new ApiRefusal(status, problem.path("title").asString("HTTP " + status),
                    problem.path("detail").asString(""), fields);
        } catch (RuntimeException notJson) {
            return new ApiRefusal(status, "HTTP " + status, "", List.of());
        }
    }
}
