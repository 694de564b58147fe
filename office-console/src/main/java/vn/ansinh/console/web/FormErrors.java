package vn.ansinh.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ansinh.console.backend.ApiRefusal;

/**
 * What is wrong with a form: a message next to each field and a summary at the top linking to each
 * field (the id of a field is its path with brackets and dots turned into dashes).
 *
 * @param byField the message for each field path ({@code members[0].citizenId})
 * @param general a sentence about the whole form, or null
 */
public record FormErrors(Map<String, String> byField, String general) {

    public static FormErrors none() {
        return new FormErrors(Map.of(), null);
    }

    public static FormErrors of(Map<String, String> byField, String general) {
        return new FormErrors(new LinkedHashMap<>(byField), general);
    }

    public static FormErrors of(ApiRefusal refusal) {
        return new FormErrors(refusal.byField(), refusal.explanation());
    }

    public boolean any() {
        return general != null || !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    /** The summary's entries: the field's id to link to, and the message. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        byField.forEach((field, message) -> entries.add(new Entry(idOf(field), message)));
        return entries;
    }

    public static String idOf(String field) {
        return field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    public record Entry(String fieldId, String message) {
    }
}
