package org.readmission.reintegration.referral;

import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Referrals extends MongoRepository<Referral, String> {

    List<Referral> findByCaseIdOrderByPersonId(String caseId);

    List<Referral> findByCaseId(String caseId);

    long countByProviderAndStateIn(String provider, Collection<ReferralState> states);
}
