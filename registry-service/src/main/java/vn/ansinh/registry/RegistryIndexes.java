package vn.ansinh.registry;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Every index registry-service's queries rely on, created explicitly at start-up: Spring Data's
 * automatic index creation is off, so {@code @Indexed} alone creates nothing. The unique ones are rules
 * (one need per tracking code), the others keep searches, the public tracking look-up and the import
 * worker from scanning whole collections on MongoDB.
 */
@Component
class RegistryIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    RegistryIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // Households of an area (active ones by default), by category, by a name in any member's search key.
        mongo.indexOps("households").createIndex(new Index().on("unitCode", Direction.ASC).on("deactivationReason", Direction.ASC)
                .on("registeredAt", Direction.ASC).named("unit_active_registered"));
        mongo.indexOps("households").createIndex(new Index().on("nameKeys", Direction.ASC).named("name_keys"));
        mongo.indexOps("households").createIndex(new Index().on("categories", Direction.ASC).named("categories"));
        // A resident's tracking code is theirs alone; officers' queues by unit and state.
        mongo.indexOps("needs").createIndex(new Index().on("trackingCode", Direction.ASC).unique().named("tracking_code"));
        mongo.indexOps("needs").createIndex(new Index().on("unitCode", Direction.ASC).on("state", Direction.ASC)
                .on("submittedAt", Direction.ASC).named("unit_state"));
        // Feedback the same way: its tracking code is the resident's alone; queues by unit, state and deadline.
        mongo.indexOps("feedback").createIndex(new Index().on("trackingCode", Direction.ASC).unique().named("tracking_code"));
        mongo.indexOps("feedback").createIndex(new Index().on("unitCode", Direction.ASC).on("state", Direction.ASC)
                .on("deadline", Direction.ASC).named("unit_state_deadline"));
        // A unit's statistics by year, for a unit and its children.
        mongo.indexOps("unit_statistics").createIndex(new Index().on("unitCode", Direction.ASC).named("unit"));
        mongo.indexOps("duplicate_cases").createIndex(new Index().on("unitCodes", Direction.ASC).on("state", Direction.ASC)
                .on("score", Direction.DESC).named("unit_state_score"));
        // The import worker takes the next job by state and lease; offices list their jobs; finished jobs lose their chunks.
        mongo.indexOps("import_jobs").createIndex(new Index().on("state", Direction.ASC).on("leaseUntil", Direction.ASC)
                .named("state_lease"));
        mongo.indexOps("import_jobs").createIndex(new Index().on("officeCode", Direction.ASC).on("createdAt", Direction.DESC)
                .named("office_created"));
        mongo.indexOps("import_chunks").createIndex(new Index().on("jobId", Direction.ASC).named("job"));
        // Units by their official code across lists, and the children of a unit.
        mongo.indexOps("admin_units").createIndex(new Index().on("gsoCode", Direction.ASC).named("gso_code"));
        mongo.indexOps("admin_units").createIndex(new Index().on("parentCode", Direction.ASC).on("_id", Direction.ASC)
                .named("parent"));
    }
}
