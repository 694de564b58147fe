package vn.ansinh.issuer;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser against the real issuer over HTTP: keeps cookies, follows nothing by itself, so a
 * test sees each redirect of the authorization-code flow and fills in the pages as a person would.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    final String verifier = randomUrlSafe(48);

    Browser(int port) {
        this("http://localhost:" + port, new CookieManager());
    }

    private Browser(String base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser (its session cookie) starting a new flow, with a new PKCE verifier. */
    Browser fresh() {
        return new Browser(base, cookies);
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET());
    }

    HttpResponse<String> get(String pathOrUrl, String acceptLanguage) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").header("Accept-Language", acceptLanguage).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String basicUser, String basicPassword) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** The authorization request a client sends the browser to, with its PKCE challenge for {@link #verifier}. */
    String authorizeUrl(String clientId, String redirectUri) {
        return "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "scope", "openid profile", "state", "st-1", "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
    }

    /** Fills in and sends a page's form: the CSRF token of the page joins the fields. */
    HttpResponse<String> submit(String pagePath, String formPath, Map<String, String> fields) {
        HttpResponse<String> page = get(pagePath);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on " + pagePath + ": " + page.body());
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf.group(1));
        return postForm(formPath, withToken);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("No redirect, status " + response.statusCode() + ": " + response.body()));
    }

    static String queryParameter(String url, String name) {
        Matcher value = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        return value.find() ? java.net.URLDecoder.decode(value.group(1), StandardCharsets.UTF_8) : null;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
