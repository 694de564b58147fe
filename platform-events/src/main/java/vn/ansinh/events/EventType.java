package vn.ansinh.events;

/**
 * One kind of event of the platform: its CloudEvents type name, the topic it travels on and the class
 * of its payload. Producers and consumers name events only through these, so a payload sent on the
 * wrong topic or read as the wrong class does not compile; the event contract (the AsyncAPI document)
 * is generated from {@link Events#ALL}.
 *
 * @param name    the CloudEvents {@code type}, e.g. {@code vn.ansinh.registry.household.registered.v1}
 * @param topic   where events of this type are published
 * @param payload the record carried as JSON
 */
public record EventType<P>(String name, Topic topic, Class<P> payload) {

    @Override
    public String toString() {
        return name;
    }
}
