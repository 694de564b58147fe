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

    /** The office that keeps a fund, if the fund's opening has reached this service. */
    public static Optional<String> officeOf(MongoTemplate mongo, String fundId) {
        Document fund = mongo.findById(fundId, Document.class, COLLECTION);
        return fund == null ? Optional.empty() : Optional.ofNullable(fund.getString("officeUnitCode"));
    }

    @Bean
    Consumer<Message<byte[]>> fundReplica(VersionedProjection projection, JsonMapper json, EventTracing tracing) {
        return EventHandlers.on(json, tracing, Events.FUND_OPENED, (event, fund) -> {
            if (fund.officeUnitCode() == null) {
                throw new InvalidEventException("Fund event " + event.id() + " names no office");
            }
            projection.apply(COLLECTION, event, new Document("officeUnitCode", fund.officeUnitCode()).append("name", fund.name()));
        });
    }
}
