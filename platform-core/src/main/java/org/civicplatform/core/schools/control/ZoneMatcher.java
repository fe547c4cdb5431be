package org.civicplatform.core.schools.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicplatform.spi.reference.School;

/**
 * Matches a normalised address against the zone patterns (施教区) of the public schools offering a stage.
 * A school matches when one of its normalised patterns occurs in the normalised address. Addresses run
 * from the general to the particular (镇 → 路 → 号), so the match reaching furthest into the address is
 * the most specific one ("陆家镇菉溪路…": 菉溪路 beats 陆家镇); the longer pattern breaks a tie. The
 * recommendation is every school with the best score: one → recommended, several → the parent chooses
 * (seed 000 §3.7).
 */
public final class ZoneMatcher {

  /** Normalised zone patterns (a city has some thousands; they change only when an admin edits a zone). */
  private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED = 100_000;

  private ZoneMatcher() {}

  static String pattern(String raw) {
    String cached = PATTERNS.get(raw);
    if (cached != null) {
      return cached;
    }
    if (PATTERNS.size() > MAX_CACHED) {
      PATTERNS.clear();
    }
    String normalised = AddressNormaliser.normalise(raw);
    PATTERNS.put(raw, normalised);
    return normalised;
  }

  /** A school whose zone matched, with the pattern that matched and how specific the match is. */
  public record Match(String school, String pattern, int score) {}

  /** Where the match ends in the address, then its length (patterns are at most 100 characters). */
  static int score(String address, String pattern) {
    return (address.lastIndexOf(pattern) + pattern.length()) * 1024 + pattern.length();
  }

  /** Every matching public school offering {@code stage}, best score first (then by code). */
  public static List<Match> matches(List<School> schools, String stage, String address) {
    String normalised = AddressNormaliser.normalise(address);
    List<Match> matches = new ArrayList<>();
    if (normalised.isEmpty()) {
      return matches;
    }
    for (School school : schools) {
      if (!school.publicSchool() || (stage != null && !school.seats().containsKey(stage))) {
        continue;
      }
      Match best = null;
      for (String pattern : school.zone()) {
        String p = pattern(pattern);
        if (!p.isEmpty() && normalised.contains(p) && (best == null || score(normalised, p) > best.score())) {
          best = new Match(school.code(), pattern, score(normalised, p));
        }
      }
      if (best != null) {
        matches.add(best);
      }
    }
    matches.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::school));
    return matches;
  }

  /** The recommended schools: those with the best score. */
  public static List<Match> recommended(List<Match> matches) {
    if (matches.isEmpty()) {
      return List.of();
    }
    int best = matches.get(0).score();
    return matches.stream().filter(m -> m.score() == best).toList();
  }
}
