package vn.ansinh.distribution.replica;

import java.util.Date;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.platform.events.VersionedProjection;

/**
 * distribution-service's own copy of the households it needs to build entitlement lists: unit,
 * categories and poverty status, fed from the registry's topic, never from the registry's database.
 */
@Configuration(proxyBeanMethods = false)
public class HouseholdReplicaProjection {

    public static final String COLLECTION = "household_replica";

    @Bean
    Consumer<Message<byte[]>> householdReplica(VersionedProjection projection, MongoTemplate mongo, JsonMapper json) {
        return EventHandlers.with(json)
                .handle(Events.HOUSEHOLD_REGISTERED, (event, household) -> {
                    if (household.unitCode() == null || household.categories() == null) {
                        throw new InvalidEventException("Household event " + event.id() + " lacks unit or categories");
                    }
                    projection.apply(COLLECTION, event, new Document("unitCode", household.unitCode())
                            .append("categories", household.categories())
                            .append("povertyStatus", household.povertyStatus())
                            .append("memberCount", household.memberCount())
                            .append("registeredAt", Date.from(household.registeredAt())));
                })
                .handle(Events.HOUSEHOLD_POVERTY_STATUS_CHANGED, (event, change) ->
                        projection.apply(COLLECTION, event, new Document("unitCode", change.unitCode())
                                .append("categories", change.categories())
                                .append("povertyStatus", change.povertyStatus())))
                .handle(Events.HOUSEHOLD_UPDATED, (event, update) ->
                        projection.apply(COLLECTION, event, new Document("unitCode", update.unitCode())
                                .append("categories", update.categories()).append("povertyStatus", update.povertyStatus())
                                .append("memberCount", update.memberCount())))
                .handle(Events.HOUSEHOLD_MOVED, (event, move) ->
                        projection.apply(COLLECTION, event, new Document("unitCode", move.unitCode())
                                .append("categories", move.categories()).append("povertyStatus", move.povertyStatus())))
                .handle(Events.HOUSEHOLD_DEACTIVATED, (event, deactivation) ->
                        projection.apply(COLLECTION, event, new Document("unitCode", deactivation.unitCode())
                                .append("active", false)))
                // A duplicate merged into another household: no longer counted; references follow mergedInto.
                .handle(Events.HOUSEHOLD_MERGED, (event, merge) -> {
                    projection.apply(COLLECTION, event, new Document("unitCode", merge.unitCode())
                            .append("active", false).append("mergedInto", merge.mergedInto()));
                    // The kept household knows the entries merged into it, so a delivery finds their claims by id.
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(merge.mergedInto())),
                            new Update().addToSet("mergedFrom", merge.householdId()), COLLECTION);
                })
                .build();
    }
}
