package vn.ansinh.donation.fund;

import org.springframework.data.mongodb.repository.MongoRepository;

interface FundRepository extends MongoRepository<Fund, String> {
}
