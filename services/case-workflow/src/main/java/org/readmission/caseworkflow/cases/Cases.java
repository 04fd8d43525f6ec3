package org.readmission.caseworkflow.cases;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The case files, by case id. */
interface Cases extends MongoRepository<CaseFile, String> {
}
