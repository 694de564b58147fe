package vn.ansinh.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the error answers every endpoint gives, as the platform gives them (ProblemDetailsAdvice,
 * the security filters, the rate limiters): {@code application/problem+json} with a stable {@code code}
 * from the list in the {@code Problem} schema. Which ones an operation can give follows from what it is:
 * 400 when it reads input, 401 and 403 unless it is public, 404 when it names something in its path, 409
 * when it changes something (a conflict with the current state, or an Idempotency-Key still in use), 413
 * and 422 for bodies, 429 for the public endpoints and the bulkheads.
 */
public class ProblemResponsesDocumentation implements OpenApiCustomizer {

    private static final String PROBLEM = "application/problem+json";
    private static final String SCHEMA = "#/components/schemas/Problem";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("Problem", problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean readsInput = changes || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean open = path.contains("/public/");
        if (readsInput) {
            add(responses, "400", "The request is malformed or a field is invalid (validation-failed lists each field in errors)");
        }
        if (!open) {
            add(responses, "401", "No token, or a token that is expired, not from the issuer or not for this API");
            add(responses, "403", "The token's roles do not allow this, or the unit is outside the caller's area");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing with that id in the caller's area");
        }
        if (changes) {
            add(responses, "409", "In conflict with the current state (changed meanwhile, already done, not allowed in this state), "
                    + "or the same Idempotency-Key is still being answered");
            add(responses, "413", "The body is larger than this endpoint takes");
            add(responses, "422", "Understood but refused by a business rule, or an Idempotency-Key reused with another body");
        }
        if (open || changes) {
            add(responses, "429", "Too many requests at once, or from this address: try again after Retry-After seconds");
        }
        operation.setResponses(responses);
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref(SCHEMA)))));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema().description("One invalid field")
                .addProperty("field", new StringSchema().description("The field, e.g. members[0].citizenId"))
                .addProperty("message", new StringSchema().description("What is wrong with it, in the caller's language"));
        return new ObjectSchema().description("An error answer (RFC 9457), in Vietnamese or English after Accept-Language")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened in this request"))
                .addProperty("instance", new StringSchema().description("The request's path"))
                .addProperty("code", new StringSchema().description("A stable code to act on; one of the codes listed").
                        _enum(codes()))
                .addProperty("errors", new ArraySchema().items(fieldError).description("For validation-failed: each invalid field"))
                .required(List.of("type", "title", "status", "code"));
    }

    /** Every problem code the platform answers with, from its message bundle. */
    static List<String> codes() {
        Properties messages = new Properties();
        try (InputStream in = ProblemResponsesDocumentation.class.getResourceAsStream("/problems.properties")) {
            messages.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> codes = new TreeSet<>();
        for (Map.Entry<Object, Object> entry : messages.entrySet()) {
            String key = (String) entry.getKey();
            if (key.endsWith(".title")) {
                codes.add(key.substring(0, key.length() - ".title".length()));
            }
        }
        return List.copyOf(codes);
    }
}
