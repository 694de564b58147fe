package vn.ansinh.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OpenTelemetry collector for the system tests: takes the spans every service of the platform exports
 * over OTLP/HTTP (protobuf), keeps the latest 20,000 of them, and answers as a collector does.
 */
final class TraceCollector {

    /** One exported span: which service recorded it, its trace, and what it was. */
    record CollectedSpan(String service, String traceId, String name) {
    }

    private static final int KEPT = 20_000;
    private final ConcurrentLinkedDeque<CollectedSpan> spans = new ConcurrentLinkedDeque<>();
    private final HttpServer server;

    TraceCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                collect(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException | RuntimeException unreadable) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<CollectedSpan> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    void stop() {
        server.stop(0);
    }

    private void collect(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
                    .map(KeyValue::getValue).map(v -> v.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new CollectedSpan(service,
                        HexFormat.of().formatHex(span.getTraceId().toByteArray()), span.getName())));
            }
        }
        while (spans.size() > KEPT) {
            spans.pollFirst();
        }
    }
}
