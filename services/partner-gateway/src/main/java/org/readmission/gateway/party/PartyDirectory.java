package org.readmission.gateway.party;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The parties known to this gateway, from configuration ({@code readmission.parties}); seeded in
 * application.yml with the EU–Azerbaijan parties. {@code thirdCountry} is the non-EU side of the agreement:
 * every application goes between it and a Member State, in either direction.
 */
@ConfigurationProperties(prefix = "readmission")
public class PartyDirectory {

    private final String thirdCountry;
    private final Map<String, Party> byCode;

    public PartyDirectory(String thirdCountry, List<Party> parties) {
        this.thirdCountry = thirdCountry.toUpperCase(Locale.ROOT);
        this.byCode = parties.stream().collect(Collectors.toUnmodifiableMap(Party::code, Function.identity()));
    }

    public Optional<Party> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.toUpperCase(Locale.ROOT)));
    }

    public List<Party> all() {
        return byCode.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    public String thirdCountry() {
        return thirdCountry;
    }

    /** True when exactly one of the two parties is on the third country's side of the agreement. */
    public boolean acrossTheAgreement(Party requesting, Party requested) {
        return requesting.country().equals(thirdCountry) != requested.country().equals(thirdCountry);
    }
}
