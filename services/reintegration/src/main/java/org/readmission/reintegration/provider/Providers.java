package org.readmission.reintegration.provider;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Providers extends MongoRepository<Provider, String> {
}
