package vn.ansinh.registry.household;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.EventSourcedDocument;

/** A household on the registry, with the events of its changes that are not yet published. */
@Document("households")
public class Household extends EventSourcedDocument {

    @Id
    private String id;
    private String headName;
    private List<Member> members;
    private Address address;
    @Indexed
    private String unitCode;
    private String phone;
    private List<Category> categories;
    private PovertyStatus povertyStatus;
    private Instant registeredAt;

    protected Household() {
    }

    Household(String id, String headName, List<Member> members, Address address, String phone,
              List<Category> categories, PovertyStatus povertyStatus, Instant registeredAt) {
        this.id = id;
        this.headName = headName;
        this.members = List.copyOf(members);
        this.address = address;
        this.unitCode = address.unitCode();
        this.phone = phone;
        this.categories = List.copyOf(categories);
        this.povertyStatus = povertyStatus;
        this.registeredAt = registeredAt;
    }

    public String getId() {
        return id;
    }

    public String getHeadName() {
        return headName;
    }

    public List<Member> getMembers() {
        return members;
    }

    public Address getAddress() {
        return address;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getPhone() {
        return phone;
    }

    public List<Category> getCategories() {
        return categories;
    }

    public PovertyStatus getPovertyStatus() {
        return povertyStatus;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

}
