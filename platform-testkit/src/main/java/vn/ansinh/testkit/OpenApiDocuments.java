package vn.ansinh.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each service's OpenAPI document is checked in under docs/openapi/ (integrators read it there, and CI
 * lints it with Redocly's recommended rules). A service's test fetches its live document; when the two
 * differ the test fails and writes the fresh one to the module's target/ to be copied over.
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiDocuments() {
    }

    /** Every schema field and every operation parameter without a description, as {@code Schema.field} or {@code METHOD path name}. */
    public static java.util.List<String> undescribed(tools.jackson.databind.JsonNode document) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema ->
                schema.getValue().path("properties").properties().forEach(field -> {
                    if (!field.getValue().hasNonNull("description")) {
                        missing.add(schema.getKey() + "." + field.getKey());
                    }
                }));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("parameters").forEach(parameter -> {
                    if (!parameter.hasNonNull("description")) {
                        missing.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " "
                                + parameter.path("name").asString());
                    }
                })));
        return missing;
    }

    public static void requireCheckedIn(ApiClient api, String service) throws Exception {
        ApiClient.Response live = api.get("/v3/api-docs", null);
        if (live.status() != 200) {
            throw new AssertionError("GET /v3/api-docs answered " + live.status());
        }
        java.util.List<String> undescribed = undescribed(JSON.readTree(live.body()));
        if (!undescribed.isEmpty()) {
            throw new AssertionError(undescribed.size() + " fields or parameters have no description (add them to the service's "
                    + "src/main/resources/openapi-descriptions/*.properties): " + undescribed);
        }
        // Sorted and indented: a stable text, whatever order the endpoints were found in.
        String generated = JSON.writeValueAsString(JSON.readTree(live.body())) + "\n";
        Path checkedIn = Path.of("..", "docs", "openapi", service + ".json");
        String current = Files.exists(checkedIn) ? Files.readString(checkedIn, StandardCharsets.UTF_8) : "";
        if (!generated.equals(current)) {
            Path fresh = Path.of("target", service + ".openapi.json");
            Files.writeString(fresh, generated, StandardCharsets.UTF_8);
            throw new AssertionError("docs/openapi/" + service + ".json differs from what the service describes. If the change is "
                    + "meant, copy " + Path.of("").toAbsolutePath().getFileName() + "/" + fresh + " there.");
        }
    }
}
