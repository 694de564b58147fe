package vn.ansinh.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The checked-in event contract (docs/asyncapi.yaml) is the one the code describes: a new event type,
 * a new payload field or a changed topic fails this test until the document is generated again.
 */
class EventContractTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    @Test
    void theCheckedInContractIsTheCodes() throws Exception {
        String generated = EventContract.asyncApi();
        String checkedIn = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        if (!generated.equals(checkedIn)) {
            Path fresh = Path.of("target", "asyncapi.yaml");
            Files.writeString(fresh, generated, StandardCharsets.UTF_8);
            throw new AssertionError("docs/asyncapi.yaml differs from the code's event contract. If the change is meant, "
                    + "copy platform-events/" + fresh + " to docs/asyncapi.yaml (and make a breaking change a new event type).");
        }
    }

    @Test
    void everyTopicAndEveryEventTypeIsInTheContract() throws Exception {
        String contract = EventContract.asyncApi();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
                Topic topic = (Topic) field.get(null);
                boolean carriesEvents = Events.ALL.stream().anyMatch(type -> type.topic().equals(topic));
                if (carriesEvents) {
                    assertThat(contract).contains("  " + topic.name() + ":\n    address: " + topic.name() + "\n")
                            .contains("'" + topic.partitions() + " partitions;");
                }
            }
        }
        for (EventType<?> type : Events.ALL) {
            assertThat(contract).contains("      name: " + type.name() + "\n")
                    .contains("$ref: '#/components/schemas/" + type.payload().getSimpleName() + "'");
        }
        assertThat(contract).contains("    HouseholdRegistered:\n      type: object\n      required: [memberCount]\n");
    }
}
