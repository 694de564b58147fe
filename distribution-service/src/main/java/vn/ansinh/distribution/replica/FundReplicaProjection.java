package vn.ansinh.distribution.replica;

import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.EventTracing;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.platform.events.VersionedProjection;

/**
 * Which office keeps each fund, from donation-service's {@code fund.opened} events: a campaign may
 * pay only out of a fund of its own office or of a unit below it, and distribution checks that when
 * the campaign is created (donation-service checks it again when it reserves). Balances are not kept
 * here: they are donation-service's to tell.
 */
@Configuration(proxyBeanMethods = false)
public class FundReplicaProjection {

    static final String COLLECTION = "fund_replica";

    /** Who keeps a fund: the office, and the organisation of that office ({@code null}: the office's own fund). */
    public record FundOwner(String officeUnitCode, String organisationCode) {
    }

    /** The office that keeps a fund, if the fund's opening has reached this service. */
    public static Optional<String> officeOf(MongoTemplate mongo, String fundId) {
        return ownerOf(mongo, fundId).map(FundOwner::officeUnitCode);
    }

    /** Who keeps a fund, if the fund's opening has reached this service. */
    public static Optional<FundOwner> ownerOf(MongoTemplate mongo, String fundId) {
        Document fund = mongo.findById(fundId, Document.class, COLLECTION);
        return fund == null || fund.getString("officeUnitCode") == null ? Optional.empty()
                : Optional.of(new FundOwner(fund.getString("officeUnitCode"), fund.getString("organisationCode")));
    }

    /** Funds and, on the same topic, the organisations of each office that funds and campaigns may belong to. */
    @Bean
    Consumer<Message<byte[]>> fundReplica(VersionedProjection projection, JsonMapper json, EventTracing tracing) {
        return EventHandlers.with(json, tracing)
                .handle(Events.FUND_OPENED, (event, fund) -> {
                    if (fund.officeUnitCode() == null) {
                        throw new InvalidEventException("Fund event " + event.id() + " names no office");
                    }
                    projection.apply(COLLECTION, event, new Document("officeUnitCode", fund.officeUnitCode()).append("name", fund.name())
                            .append("organisationCode", fund.organisationCode()));
                })
                .handle(Events.ORGANISATION_REGISTERED, (event, organisation) -> {
                    if (organisation.officeUnitCode() == null || organisation.code() == null) {
                        throw new InvalidEventException("Organisation event " + event.id() + " names no office or code");
                    }
                    projection.apply(OrganisationReplica.COLLECTION, event, new Document("officeUnitCode", organisation.officeUnitCode())
                            .append("code", organisation.code()).append("name", organisation.name()));
                })
                .build();
    }
}
