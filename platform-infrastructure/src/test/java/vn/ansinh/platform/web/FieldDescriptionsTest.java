package vn.ansinh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;

/** Which words a field or parameter gets: the most specific key, the service's over the platform's, the code's over both. */
class FieldDescriptionsTest {

    @Test
    void aSchemasOwnKeyWinsOverTheFieldsGeneralOneAndTheServiceOverThePlatform() {
        OpenAPI api = document();

        new FieldDescriptions().customise(api);

        assertThat(field(api, "Sample", "name").getDescription()).isEqualTo("The sample's name");
        assertThat(field(api, "Sample", "page").getDescription()).isEqualTo("This page's number, counting from 0");
        assertThat(field(api, "Sample", "totalElements").getDescription()).isEqualTo("How many samples match");
        assertThat(field(api, "Sample", "kind").getDescription()).isNull();
        assertThat(field(api, "AuditEntry", "kind").getDescription())
                .startsWith("CHANGE for something created");
    }

    @Test
    void aParameterTakesTheWordsOfTheLongestPathPrefixThatHasThem() {
        OpenAPI api = document();

        new FieldDescriptions().customise(api);

        assertThat(parameter(api, "/api/v1/audit/export", "from").getDescription())
                .isEqualTo("Only records at or after this instant (ISO 8601)");
        assertThat(parameter(api, "/api/v1/samples/{id}/history", "from").getDescription()).isEqualTo("From this day");
        assertThat(parameter(api, "/api/v1/samples/{id}/history", "page").getDescription()).isEqualTo("The page to read, counting from 0");
        assertThat(parameter(api, "/api/v1/others", "from").getDescription()).isNull();
    }

    @Test
    void wordsWrittenOnTheCodeAreKept() {
        OpenAPI api = document();
        field(api, "Sample", "name").setDescription("From @Schema");
        parameter(api, "/api/v1/audit/export", "from").setDescription("From @Parameter");

        new FieldDescriptions().customise(api);

        assertThat(field(api, "Sample", "name").getDescription()).isEqualTo("From @Schema");
        assertThat(parameter(api, "/api/v1/audit/export", "from").getDescription()).isEqualTo("From @Parameter");
    }

    private static OpenAPI document() {
        return new OpenAPI()
                .components(new Components()
                        .addSchemas("Sample", new ObjectSchema().addProperty("name", new StringSchema())
                                .addProperty("page", new StringSchema()).addProperty("totalElements", new StringSchema())
                                .addProperty("kind", new StringSchema()))
                        .addSchemas("AuditEntry", new ObjectSchema().addProperty("kind", new StringSchema())))
                .paths(new Paths()
                        .addPathItem("/api/v1/audit/export", get("from"))
                        .addPathItem("/api/v1/samples/{id}/history", get("from", "page"))
                        .addPathItem("/api/v1/others", get("from")));
    }

    private static PathItem get(String... parameters) {
        Operation operation = new Operation();
        for (String name : parameters) {
            operation.addParametersItem(new Parameter().name(name).in("query"));
        }
        return new PathItem().get(operation);
    }

    @SuppressWarnings("rawtypes")
    private static Schema field(OpenAPI api, String schema, String field) {
        return (Schema) api.getComponents().getSchemas().get(schema).getProperties().get(field);
    }

    private static Parameter parameter(OpenAPI api, String path, String name) {
        return api.getPaths().get(path).getGet().getParameters().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}
