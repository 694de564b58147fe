package vn.ansinh.donation.donation;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CashDonationRepository extends MongoRepository<CashDonation, String> {

    Optional<CashDonation> findByChannelAndReference(Channel channel, String reference);
}
