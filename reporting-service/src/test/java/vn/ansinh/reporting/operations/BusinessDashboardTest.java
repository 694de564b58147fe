package vn.ansinh.reporting.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.reporting.projection.ReportingProjections;

/**
 * The operators' business dashboard counts events as reporting-service projects them: every event
 * type it names must exist, and reporting must be the one projecting it — a renamed type would
 * leave a panel silently empty.
 */
class BusinessDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "ansinh-business.json");
    private static final Pattern TYPE_MATCHER = Pattern.compile("type=~?\"([^\"]+)\"");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventTypeOnTheBusinessDashboardExistsAndIsProjectedByReporting() throws Exception {
        List<String> named = new ArrayList<>();
        for (JsonNode panel : json.readTree(Files.readString(DASHBOARD)).get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher types = TYPE_MATCHER.matcher(target.get("expr").asString());
                while (types.find()) {
                    for (String type : types.group(1).split("\\|")) {
                        named.add(type.replace("\\\\.", "."));
                    }
                }
            }
        }
        assertThat(named).as("the dashboard names event types").hasSizeGreaterThanOrEqualTo(11);
        ReportingProjections projections = new ReportingProjections(json);
        Set<String> known = eventTypes();
        for (String type : named) {
            assertThat(known).as("an event type of the platform").contains(type);
            assertThat(projectedByReporting(projections, type)).as("%s is projected by reporting-service", type).isTrue();
        }
    }

    private static Set<String> eventTypes() throws IllegalAccessException {
        Set<String> types = new HashSet<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }

    private static boolean projectedByReporting(ReportingProjections projections, String type) {
        IncomingEvent event = new IncomingEvent("e-1", type, "s-1", 1, Instant.now(), "{}".getBytes());
        try {
            return projections.read(event) != null;
        } catch (InvalidEventException readButIncomplete) {
            return true; // a handler exists and refused the empty payload
        }
    }
}
