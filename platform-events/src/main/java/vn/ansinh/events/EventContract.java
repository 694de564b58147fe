package vn.ansinh.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event contract as an AsyncAPI 3 document, generated from {@link Events#ALL}: a channel per
 * topic (with its partitions and whether it is compacted), a message per event type with the
 * CloudEvents headers every event carries, and a JSON schema per payload record. The document is
 * checked in ({@code docs/asyncapi.yaml}) for integrators; a test fails when it and the code differ.
 * Run {@code main} to print it.
 */
public final class EventContract {

    private static final String INDENT = "  ";

    private EventContract() {
    }

    public static void main(String[] args) {
        System.out.print(asyncApi());
    }

    /** The AsyncAPI 3.0 document in YAML. */
    public static String asyncApi() {
        Map<String, List<EventType<?>>> byTopic = new TreeMap<>();
        Map<String, Topic> topics = new TreeMap<>();
        for (EventType<?> type : Events.ALL) {
            byTopic.computeIfAbsent(type.topic().name(), t -> new ArrayList<>()).add(type);
            topics.put(type.topic().name(), type.topic());
        }
        Map<String, Class<?>> schemas = new TreeMap<>();
        Events.ALL.forEach(type -> collect(type.payload(), schemas));

        StringBuilder yaml = new StringBuilder();
        yaml.append("# Generated from the code (vn.ansinh.events.EventContract): do not edit by hand.\n");
        yaml.append("asyncapi: 3.0.0\n");
        yaml.append("info:\n");
        yaml.append("  title: An Sinh events\n");
        yaml.append("  version: 1.0.0\n");
        yaml.append("  description: >-\n");
        yaml.append("    The events the An Sinh services publish on Kafka. Each record's key is the event's subject (the\n");
        yaml.append("    aggregate it is about), so a subject's events keep their order within a partition. The CloudEvents\n");
        yaml.append("    attributes travel as Kafka headers (binary mode, ce_ prefix); the value is the JSON payload. A consumer\n");
        yaml.append("    ignores fields it does not know: fields are added within a version, a breaking change is a new type\n");
        yaml.append("    (.v2). Events carry no names, phones or citizen IDs.\n");
        yaml.append("defaultContentType: application/json\n");
        yaml.append("channels:\n");
        topics.forEach((name, topic) -> {
            yaml.append(INDENT).append(name).append(":\n");
            yaml.append("    address: ").append(name).append('\n');
            yaml.append("    description: ").append(quote(topic.partitions() + " partitions" + (topic.compacted()
                    ? "; compacted: only the newest record per key is kept" : "; every event is kept (read models are rebuilt from it)")
                    + "; published by " + owner(name))).append('\n');
            yaml.append("    messages:\n");
            for (EventType<?> type : byTopic.get(name)) {
                yaml.append("      ").append(messageId(type)).append(":\n");
                yaml.append("        $ref: '#/components/messages/").append(messageId(type)).append("'\n");
            }
        });
        yaml.append("operations:\n");
        topics.keySet().forEach(name -> {
            yaml.append(INDENT).append("publish.").append(name).append(":\n");
            yaml.append("    action: send\n");
            yaml.append("    summary: ").append(quote(owner(name) + " publishes on " + name)).append('\n');
            yaml.append("    channel:\n");
            yaml.append("      $ref: '#/channels/").append(name).append("'\n");
        });
        yaml.append("components:\n");
        yaml.append("  messages:\n");
        Events.ALL.stream().sorted(java.util.Comparator.comparing(EventContract::messageId)).forEach(type -> {
            yaml.append("    ").append(messageId(type)).append(":\n");
            yaml.append("      name: ").append(type.name()).append('\n');
            yaml.append("      title: ").append(type.payload().getSimpleName()).append('\n');
            yaml.append("      headers:\n");
            yaml.append("        $ref: '#/components/schemas/CloudEventHeaders'\n");
            yaml.append("      payload:\n");
            yaml.append("        $ref: '#/components/schemas/").append(type.payload().getSimpleName()).append("'\n");
        });
        yaml.append("  schemas:\n");
        yaml.append("    CloudEventHeaders:\n");
        yaml.append("      type: object\n");
        yaml.append("      required: [ce_id, ce_type, ce_source, ce_subject, ce_time, ce_sequence, ce_specversion]\n");
        yaml.append("      properties:\n");
        header(yaml, "ce_id", "the event's id, unique: a consumer that has seen it ignores it");
        header(yaml, "ce_type", "the event type, e.g. vn.ansinh.registry.household.registered.v1");
        header(yaml, "ce_source", "the service that published it");
        header(yaml, "ce_subject", "the aggregate the event is about; also the record's key");
        header(yaml, "ce_time", "when it happened (ISO-8601)");
        header(yaml, "ce_sequence", "the aggregate's version after the event, for ordering and ignoring the stale");
        header(yaml, "ce_specversion", "1.0");
        header(yaml, "ce_traceparent", "optional (CloudEvents distributed tracing): the W3C trace context of the request that"
                + " caused the event; a consumer continues that trace");
        schemas.forEach((name, type) -> schema(yaml, type));
        return yaml.toString();
    }

    private static void header(StringBuilder yaml, String name, String description) {
        yaml.append("        ").append(name).append(":\n");
        yaml.append("          type: string\n");
        yaml.append("          description: ").append(quote(description)).append('\n');
    }

    private static void schema(StringBuilder yaml, Class<?> type) {
        yaml.append("    ").append(type.getSimpleName()).append(":\n");
        if (type.isEnum()) {
            yaml.append("      type: string\n");
            yaml.append("      enum: [");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                yaml.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            yaml.append("]\n");
            return;
        }
        yaml.append("      type: object\n");
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            yaml.append("      required: [").append(String.join(", ", required)).append("]\n");
        }
        yaml.append("      properties:\n");
        for (RecordComponent component : type.getRecordComponents()) {
            yaml.append("        ").append(component.getName()).append(":\n");
            property(yaml, component.getGenericType(), "          ");
        }
    }

    private static void property(StringBuilder yaml, Type type, String indent) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                yaml.append(indent).append("type: array\n");
                yaml.append(indent).append("items:\n");
                property(yaml, arguments[0], indent + INDENT);
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                yaml.append(indent).append("type: object\n");
                yaml.append(indent).append("additionalProperties:\n");
                property(yaml, arguments[1], indent + INDENT);
                return;
            }
        }
        Class<?> plain = (Class<?>) type;
        Map<String, String> simple = new LinkedHashMap<>();
        if (plain == String.class) {
            simple.put("type", "string");
        } else if (plain == int.class || plain == Integer.class) {
            simple.put("type", "integer");
            simple.put("format", "int32");
        } else if (plain == long.class || plain == Long.class) {
            simple.put("type", "integer");
            simple.put("format", "int64");
        } else if (plain == boolean.class || plain == Boolean.class) {
            simple.put("type", "boolean");
        } else if (plain == BigDecimal.class) {
            simple.put("type", "number");
        } else if (plain == Instant.class) {
            simple.put("type", "string");
            simple.put("format", "date-time");
        } else if (plain == LocalDate.class) {
            simple.put("type", "string");
            simple.put("format", "date");
        } else if (plain.isRecord() || plain.isEnum()) {
            yaml.append(indent).append("$ref: '#/components/schemas/").append(plain.getSimpleName()).append("'\n");
            return;
        } else {
            throw new IllegalStateException("No schema for " + plain + ": add it to EventContract");
        }
        simple.forEach((key, value) -> yaml.append(indent).append(key).append(": ").append(value).append('\n'));
    }

    /** The payload record and every record or enum it contains. */
    private static void collect(Class<?> type, Map<String, Class<?>> schemas) {
        if (!(type.isRecord() || type.isEnum()) || schemas.containsKey(type.getSimpleName())) {
            return;
        }
        Class<?> known = schemas.put(type.getSimpleName(), type);
        if (known != null && known != type) {
            throw new IllegalStateException("Two payload types named " + type.getSimpleName());
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                collectFrom(component.getGenericType(), schemas);
            }
        }
    }

    private static void collectFrom(Type type, Map<String, Class<?>> schemas) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectFrom(argument, schemas);
            }
        } else if (type instanceof Class<?> plain) {
            collect(plain, schemas);
        }
    }

    private static String messageId(EventType<?> type) {
        return type.name();
    }

    private static String owner(String topic) {
        return topic.substring(0, topic.indexOf('.')) + "-service";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
