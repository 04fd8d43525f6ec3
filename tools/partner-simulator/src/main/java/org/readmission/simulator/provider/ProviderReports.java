package org.readmission.simulator.provider;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationStage;

/**
 * Builds the provider's reports on {@code reintegration.updates} as the reintegration service accepts them: key and
 * {@code ce_subject} = case id, {@code ce_source} = providerParty = the provider's party code, the offer's case
 * reference and person, and {@code ce_id} = {@code EventIds.deterministic(offer ce_id, stage)}, so a report sent
 * again after a restart is recognised as the same report.
 */
final class ProviderReports {

    private static final EventCatalog CATALOG = EventCatalog.v1();

    private final AvroCodec codec = new AvroCodec(CATALOG);
    private final String party;

    ProviderReports(String party) {
        this.party = party;
    }

    static String ceIdOf(String offerCeId, ReintegrationStage stage) {
        return EventIds.deterministic(offerCeId, stage.name());
    }

    List<ProducerRecord<String, byte[]>> answer(ReintegrationReferralOffered offer, String offerCeId,
                                                List<ReintegrationStage> stages, Instant now) {
        return stages.stream().map(stage -> report(offer, offerCeId, stage, now)).toList();
    }

    private ProducerRecord<String, byte[]> report(ReintegrationReferralOffered offer, String offerCeId,
                                                  ReintegrationStage stage, Instant now) {
        String caseId = offer.getCaseRef().getCaseId().getValue();
        ReintegrationProgressReported report = ReintegrationProgressReported.newBuilder()
                .setCaseRef(offer.getCaseRef())
                .setOccurredAt(now)
                .setPersonId(offer.getPersonId())
                .setProviderParty(org.readmission.events.common.PartyCode.newBuilder().setValue(party).build())
                .setStage(stage)
                .setNote(ProviderBehaviour.noteFor(stage))
                .build();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REINTEGRATION_UPDATES, caseId, codec.encode(report));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(CATALOG.of(ReintegrationProgressReported.class),
                ceIdOf(offerCeId, stage), party, caseId, now));
        return record;
    }

    AvroCodec codec() {
        return codec;
    }
}
