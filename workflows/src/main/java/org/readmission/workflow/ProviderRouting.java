package org.readmission.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate reintegration providers for a referral, best first (DMN {@code ReintegrationProviderRouting},
 * {@code dmn/reintegration-provider-routing.dmn}), evaluated with a standalone DMN engine by the reintegration
 * service. Capacity and providers already tried are the service's business, not the table's.
 */
public final class ProviderRouting {

  public static final String RESOURCE = "dmn/reintegration-provider-routing.dmn";
  public static final String DECISION = "ReintegrationProviderRouting";

  private final DecisionTable table;

  private ProviderRouting(DecisionTable table) {
    this.table = table;
  }

  public static ProviderRouting fromClasspath() {
    return new ProviderRouting(DecisionTable.fromClasspath(RESOURCE, DECISION));
  }

  /**
   * @param returnCountry ISO 3166-1 alpha-2 code of the country the person returned to (AZ, DE ...)
   * @param region        region of return, may be null
   * @param priority      STANDARD, HIGH or URGENT
   * @param needs         the person's needs (ReintegrationNeed codes); none counts as OTHER
   */
  public List<String> candidates(String returnCountry, String region, String priority, List<String> needs) {
    Set<String> providers = new LinkedHashSet<>();
    for (String need : needs.isEmpty() ? List.of("OTHER") : needs) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("returnCountry", returnCountry);
      inputs.put("region", region);
      inputs.put("priority", priority);
      inputs.put("need", need);
      table.evaluate(inputs).forEach(row -> providers.add(row.getEntry("provider")));
    }
    return new ArrayList<>(providers);
  }
}
