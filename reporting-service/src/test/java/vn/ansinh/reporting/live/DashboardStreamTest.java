package vn.ansinh.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestTokens;

/** A dashboard stream lives no longer than its token, and one person keeps a bounded number open. */
class DashboardStreamTest extends ReportingServiceTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStreamEndsWhenTheTokenItWasOpenedWithExpires() throws Exception {
        String shortLived = "Bearer " + TestTokens.token("person-" + UUID.randomUUID(), CU_CHI, List.of("OFFICER"), Duration.ofSeconds(3));

        CompletableFuture<List<String>> lines = open(shortLived);

        List<String> received = lines.get(20, TimeUnit.SECONDS); // completes only when the server ends the stream
        assertThat(received).contains("event:dashboard");
    }

    @Test
    void aPersonsOldestStreamIsClosedWhenTheyOpenOneTooMany() throws Exception {
        String person = "person-" + UUID.randomUUID();
        String token = "Bearer " + TestTokens.token(person, CU_CHI, List.of("OFFICER"), Duration.ofMinutes(10));
        List<CompletableFuture<List<String>>> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            streams.add(open(token)); // one after the other: open() returns once the server has taken the stream
        }

        assertThat(streams.get(0).get(20, TimeUnit.SECONDS)).as("the oldest was closed").contains("event:dashboard");
        assertThat(streams.subList(1, 5)).allMatch(stream -> !stream.isDone());
        streams.forEach(stream -> stream.cancel(true));
    }

    private CompletableFuture<List<String>> open(String token) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/stream?unit=" + CU_CHI)).header("Authorization", token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return CompletableFuture.supplyAsync(() -> response.body().toList());
    }
}
