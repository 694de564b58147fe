package vn.ansinh.registry.household;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HouseholdRepository extends MongoRepository<Household, String> {
}
