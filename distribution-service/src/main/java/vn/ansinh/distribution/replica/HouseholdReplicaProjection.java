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
import vn.ansinh.platform.events.EventTracing;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.platform.events.VersionedProjection;

/**
 * distribution-service's own copy of the households it needs to build entitlement lists: unit,
 * categories, poverty status and members' kinds, fed from the registry's topic, never from the registry's database.
 */
@Configuration(proxyBeanMethods = false)
class HouseholdReplicaProjection {

    static final String COLLECTION = HouseholdReplica.COLLECTION;

    @Bean
    Consumer<Message<byte[]>> householdReplica(VersionedProjection projection, MongoTemplate mongo, JsonMapper json, EventTracing tracing) {
        return EventHandlers.with(json, tracing)
                .handle(Events.HOUSEHOLD_REGISTERED, (event, household) -> {
                    if (household.unitCode() == null || household.categories() == null) {
                        throw new InvalidEventException("Household event " + event.id() + " lacks unit or categories");
                    }
                    projection.apply(COLLECTION, event, new Document(HouseholdReplica.UNIT, household.unitCode())
                            .append(HouseholdReplica.CATEGORIES, household.categories())
                            .append(HouseholdReplica.POVERTY_STATUS, household.povertyStatus())
                            .append(HouseholdReplica.MEMBERS, household.memberCount())
                            .append(HouseholdReplica.MEMBER_KINDS, household.memberKinds())
                            .append(HouseholdReplica.REGISTERED_AT, Date.from(household.registeredAt())));
                })
                .handle(Events.HOUSEHOLD_POVERTY_STATUS_CHANGED, (event, change) ->
                        projection.apply(COLLECTION, event, new Document(HouseholdReplica.UNIT, change.unitCode())
                                .append(HouseholdReplica.CATEGORIES, change.categories())
                                .append(HouseholdReplica.POVERTY_STATUS, change.povertyStatus())))
                .handle(Events.HOUSEHOLD_UPDATED, (event, update) ->
                        projection.apply(COLLECTION, event, new Document(HouseholdReplica.UNIT, update.unitCode())
                                .append(HouseholdReplica.CATEGORIES, update.categories()).append(HouseholdReplica.POVERTY_STATUS, update.povertyStatus())
                                .append(HouseholdReplica.MEMBERS, update.memberCount())
                                .append(HouseholdReplica.MEMBER_KINDS, update.memberKinds())))
                .handle(Events.HOUSEHOLD_MOVED, (event, move) ->
                        projection.apply(COLLECTION, event, new Document(HouseholdReplica.UNIT, move.unitCode())
                                .append(HouseholdReplica.CATEGORIES, move.categories()).append(HouseholdReplica.POVERTY_STATUS, move.povertyStatus())))
                .handle(Events.HOUSEHOLD_DEACTIVATED, (event, deactivation) ->
                        projection.apply(COLLECTION, event, new Document(HouseholdReplica.UNIT, deactivation.unitCode())
                                .append(HouseholdReplica.ACTIVE, false)))
                // A duplicate merged into another household: no longer counted; references follow mergedInto.
                .handle(Events.HOUSEHOLD_MERGED, (event, merge) -> {
                    projection.apply(COLLECTION, event, new Document(HouseholdReplica.UNIT, merge.unitCode())
                            .append(HouseholdReplica.ACTIVE, false).append(HouseholdReplica.MERGED_INTO, merge.mergedInto()));
                    // The kept household knows the entries merged into it, so a delivery finds their claims by id.
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(merge.mergedInto())),
                            new Update().addToSet(HouseholdReplica.MERGED_FROM, merge.householdId()), COLLECTION);
                })
                .build();
    }
}
