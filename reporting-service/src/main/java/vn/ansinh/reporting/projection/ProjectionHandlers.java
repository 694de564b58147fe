package vn.ansinh.reporting.projection;

import java.util.Date;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.registry.HouseholdDeactivated;
import vn.ansinh.events.registry.HouseholdMerged;
import vn.ansinh.events.registry.HouseholdMoved;
import vn.ansinh.events.registry.HouseholdPovertyStatusChanged;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.HouseholdUpdated;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.platform.events.VersionedProjection;

/**
 * One consumer per topic, each a thin adapter: read the event, write the read-model document with
 * a version guard. Figures are computed from these documents, so a redelivered or replayed event,
 * which the guard ignores, can never count twice.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionHandlers {

    @Bean
    Consumer<Message<byte[]>> households(VersionedProjection projection, JsonMapper json) {
        return EventHandlers.with(json)
                .handle(EventTypes.HOUSEHOLD_REGISTERED, HouseholdRegistered.class, (event, household) ->
                        projection.apply(ReadModels.HOUSEHOLDS, event, new Document("unitCode", validated(household, event).unitCode())
                                .append("categories", household.categories())
                                .append("povertyStatus", household.povertyStatus())
                                .append("memberCount", household.memberCount())
                                .append("registeredAt", Date.from(household.registeredAt()))))
                .handle(EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED, HouseholdPovertyStatusChanged.class, (event, change) ->
                        projection.apply(ReadModels.HOUSEHOLDS, event, new Document("unitCode", change.unitCode())
                                .append("categories", change.categories())
                                .append("povertyStatus", change.povertyStatus())))
                .handle(EventTypes.HOUSEHOLD_UPDATED, HouseholdUpdated.class, (event, update) ->
                        projection.apply(ReadModels.HOUSEHOLDS, event, new Document("unitCode", update.unitCode())
                                .append("categories", update.categories()).append("povertyStatus", update.povertyStatus())
                                .append("memberCount", update.memberCount())))
                .handle(EventTypes.HOUSEHOLD_MOVED, HouseholdMoved.class, (event, move) ->
                        projection.apply(ReadModels.HOUSEHOLDS, event, new Document("unitCode", move.unitCode())
                                .append("categories", move.categories()).append("povertyStatus", move.povertyStatus())))
                .handle(EventTypes.HOUSEHOLD_DEACTIVATED, HouseholdDeactivated.class, (event, deactivation) ->
                        projection.apply(ReadModels.HOUSEHOLDS, event, new Document("unitCode", deactivation.unitCode())
                                .append("active", false)))
                // A duplicate merged into another household: no longer counted; references follow mergedInto.
                .handle(EventTypes.HOUSEHOLD_MERGED, HouseholdMerged.class, (event, merge) ->
                        projection.apply(ReadModels.HOUSEHOLDS, event, new Document("unitCode", merge.unitCode())
                                .append("active", false).append("mergedInto", merge.mergedInto())))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> funds(VersionedProjection projection, JsonMapper json) {
        return EventHandlers.on(json, EventTypes.FUND_OPENED, FundOpened.class, (event, fund) ->
                projection.apply(ReadModels.FUNDS, event, new Document("name", fund.name())
                        .append("officeUnitCode", fund.officeUnitCode()).append("purpose", fund.purpose())));
    }

    @Bean
    Consumer<Message<byte[]>> donations(VersionedProjection projection, JsonMapper json) {
        return EventHandlers.on(json, EventTypes.CASH_DONATION_RECEIVED, CashDonationReceived.class, (event, donation) -> {
            if (donation.amount() <= 0 || donation.officeUnitCode() == null) {
                throw new InvalidEventException("Donation event " + event.id() + " has no office or no amount");
            }
            projection.apply(ReadModels.DONATIONS, event, new Document("fundId", donation.fundId())
                    .append("officeUnitCode", donation.officeUnitCode()).append("amount", donation.amount())
                    .append("channel", donation.channel()).append("receivedAt", Date.from(donation.receivedAt())));
        });
    }

    private static HouseholdRegistered validated(HouseholdRegistered household, IncomingEvent event) {
        if (household.unitCode() == null || household.categories() == null || household.registeredAt() == null) {
            throw new InvalidEventException("Household event " + event.id() + " lacks unit, categories or time");
        }
        return household;
    }
}
