package org.readmission.simulator.generator;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Where persons are apprehended: in the border region (the arrival airport of a direct flight from the requested
 * state — what the accelerated procedure is for) or inland.
 */
public final class Places {

    private static final Map<String, List<String>> BORDER_REGION = Map.of(
            "DE", List.of("Flughafen Frankfurt am Main, Terminal 1 (arrival from GYD)",
                    "Flughafen München, Terminal 2 (arrival from GYD)", "Flughafen Berlin Brandenburg (arrival from GYD)"),
            "NL", List.of("Luchthaven Schiphol, Amsterdam (arrival from GYD)", "Eindhoven Airport (arrival from GYD)"),
            "FR", List.of("Aéroport Paris-Charles de Gaulle, Terminal 2 (arrivée de GYD)", "Aéroport Nice Côte d'Azur (arrivée de GYD)"),
            "AT", List.of("Flughafen Wien-Schwechat (arrival from GYD)"),
            "PL", List.of("Lotnisko Chopina, Warszawa (arrival from GYD)"),
            "AZ", List.of("Heydər Əliyev Beynəlxalq Aeroportu, Bakı (arrival from FRA)",
                    "Heydər Əliyev Beynəlxalq Aeroportu, Bakı (arrival from AMS)", "Gəncə Beynəlxalq Aeroportu"));

    private static final Map<String, List<String>> INLAND = Map.of(
            "DE", List.of("Berlin-Neukölln", "Hamburg-Harburg", "Dortmund Hauptbahnhof", "Leipzig-Grünau", "Nürnberg"),
            "NL", List.of("Rotterdam-Zuid", "Utrecht Centraal", "Den Haag", "Ter Apel"),
            "FR", List.of("Lyon Part-Dieu", "Strasbourg", "Marseille", "Paris 18e"),
            "AT", List.of("Wien-Favoriten", "Graz", "Linz", "Traiskirchen"),
            "PL", List.of("Warszawa-Wola", "Białystok", "Kraków", "Łódź"),
            "AZ", List.of("Bakı, Nəsimi rayonu", "Bakı, Yasamal rayonu", "Sumqayıt", "Gəncə"));

    private Places() {
    }

    public static String borderRegion(RandomGenerator random, String country) {
        return Pick.one(random, BORDER_REGION.getOrDefault(country, BORDER_REGION.get("DE")));
    }

    public static String inland(RandomGenerator random, String country) {
        return Pick.one(random, INLAND.getOrDefault(country, INLAND.get("DE")));
    }
}
