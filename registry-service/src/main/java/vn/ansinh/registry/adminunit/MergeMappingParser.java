package vn.ansinh.registry.adminunit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the mapping of the 2025 reform: for each new province ({@code level1_id}) and commune
 * ({@code level2_id}), the old units merged into it ({@code old_id}) and whether wholly ("full")
 * or in part ("partial"), as published with the resolutions.
 */
class MergeMappingParser {

    /** Old unit {@code oldCode} went wholly or partly into new unit {@code newCode}. */
    public record Merge(String newCode, String oldCode, boolean whole) {
    }

    private final JsonMapper jsonMapper;

    public MergeMappingParser(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public List<Merge> parse(InputStream json) throws IOException {
        JsonNode provinces = jsonMapper.readTree(json).path("data");
        if (!provinces.isArray()) {
            throw new IllegalArgumentException("The merge mapping must have a \"data\" array of provinces");
        }
        List<Merge> merges = new ArrayList<>();
        for (JsonNode province : provinces) {
            addMerges(merges, province, "level1_id");
            for (JsonNode commune : province.path("level2s")) {
                addMerges(merges, commune, "level2_id");
            }
        }
        return merges;
    }

    private static void addMerges(List<Merge> merges, JsonNode newUnit, String idField) {
        String newCode = text(newUnit, idField);
        for (JsonNode old : newUnit.path("merges")) {
            String type = text(old, "type");
            if (!type.equals("full") && !type.equals("partial")) {
                throw new IllegalArgumentException("Unit " + newCode + " has a merge of unknown type " + type);
            }
            merges.add(new Merge(newCode, text(old, "old_id"), type.equals("full")));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("An entry lacks its " + field);
        }
        return value.asString().strip();
    }
}
