package vn.ansinh.platform.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Describes every field and parameter of the OpenAPI document from {@code openapi-descriptions/*.properties}
 * (the platform's shared ones and each service's own), so the request and answer records stay plain Java
 * and the words integrators read live in one place per service. A description written on the code with
 * {@code @Schema}/{@code @Parameter} wins.
 * <p>Keys, most specific first: {@code Schema.field} then {@code field} for a schema's fields;
 * {@code parameter.name@/api/v1/path} (the operation's path or any shorter prefix of it) then
 * {@code parameter.name} for parameters. {@code OpenApiDocuments} in the testkit fails a service's
 * test when anything is left undescribed.
 */
public class FieldDescriptions implements OpenApiCustomizer {

    private final Properties descriptions = load();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().forEach(this::describe);
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(parameter -> describe(path, parameter));
                }
                item.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> describe(path, parameter));
                    }
                });
            });
        }
    }

    @SuppressWarnings("rawtypes")
    private void describe(String schemaName, Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.forEach((field, property) -> {
            if (property.getDescription() == null) {
                String text = descriptions.getProperty(schemaName + "." + field, descriptions.getProperty(field));
                if (text != null) {
                    property.setDescription(text);
                }
            }
        });
    }

    private void describe(String path, Parameter parameter) {
        if (parameter.getDescription() != null) {
            return;
        }
        String prefix = path;
        while (!prefix.isEmpty()) {
            String text = descriptions.getProperty("parameter." + parameter.getName() + "@" + prefix);
            if (text != null) {
                parameter.setDescription(text);
                return;
            }
            prefix = prefix.substring(0, Math.max(prefix.lastIndexOf('/'), 0));
        }
        String text = descriptions.getProperty("parameter." + parameter.getName());
        if (text != null) {
            parameter.setDescription(text);
        }
    }

    /** The service's own files are read after the platform's, so a service can say a shared field more precisely. */
    private static Properties load() {
        Properties all = new Properties();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:openapi-descriptions/*.properties");
            java.util.Arrays.sort(files, java.util.Comparator.comparing((Resource file) -> !"platform.properties".equals(file.getFilename()))
                    .thenComparing(Resource::getFilename));
            for (Resource file : files) {
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    all.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
