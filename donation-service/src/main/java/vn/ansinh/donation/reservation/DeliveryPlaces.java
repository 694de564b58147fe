package vn.ansinh.donation.reservation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Which commune each spent delivery reached, as its {@code delivery.recorded} said: never which household. */
@Component
public class DeliveryPlaces {

    private static final int CHUNK = 500;

    private final MongoTemplate mongo;

    DeliveryPlaces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The commune of each delivery that has one recorded (deliveries spent before communes were kept have none). */
    public Map<String, String> communesOf(Collection<String> deliveryIds) {
        Map<String, String> communes = new HashMap<>();
        List<String> ids = deliveryIds.stream().distinct().map(id -> DeliveryOutcome.idOf(DeliveryOutcome.Kind.SPEND, id)).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Query query = Query.query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
            query.fields().include("deliveryId").include("unitCode");
            mongo.find(query, DeliveryOutcome.class).stream().filter(outcome -> outcome.getUnitCode() != null)
                    .forEach(outcome -> communes.put(outcome.getDeliveryId(), outcome.getUnitCode()));
        }
        return communes;
    }
}
