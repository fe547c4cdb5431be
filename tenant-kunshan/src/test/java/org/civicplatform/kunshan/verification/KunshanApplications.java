package org.civicplatform.kunshan.verification;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicplatform.spi.registry.HouseholdRegistry;
import org.civicplatform.spi.registry.InsuranceRecord;
import org.civicplatform.spi.registry.PropertyRecord;
import org.civicplatform.spi.registry.RealEstateRegistry;
import org.civicplatform.spi.registry.Registries;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.registry.SocialInsuranceRegistry;

/** Test data: the seed's applicant 郑军 and registries answering from in-memory records. */
public final class KunshanApplications {

  public static final String SUBJECT_ID = "320583198503150019";

  private KunshanApplications() {}

  /** The seed's family: points subject 郑军 (guardian one) with a 房屋所有权证 registered 2003-08-15. */
  public static JsonObject seedApplication(String certificateNumber, String ownerId, String ownerName) {
    return Json.createReader(new StringReader("""
        {"stage": "PRIMARY", "schoolYear": 2024,
         "family": {"guardian1": {"relation": "FATHER", "name": "郑军", "idNumber": "%s"},
                    "guardian2": {"relation": "MOTHER", "name": "%s", "idNumber": "%s"}},
         "subject": {"subject": {"guardian": "guardian1"}, "education": {"level": "NONE"},
                     "vocational": {"level": "LEVEL4"}, "title": {"level": "JUNIOR"}, "residencePermit": {}},
         "housing": {"property": {"hasProperty": true, "certificateType": "HOUSE_OWNERSHIP",
                     "certificateNumber": "%s", "owner": "guardian1", "ownerIdNumber": "%s", "soleOwner": true,
                     "address": "江苏省昆山市花桥镇绿地大道188号3幢1201室"}},
         "honours": {"honour": {"hasHonour": false}}}
        """.formatted(SUBJECT_ID, ownerName, "320583198706200020", certificateNumber, ownerId))).readObject();
  }

  public static JsonObject seedApplication() {
    return seedApplication("KS2003015678", SUBJECT_ID, "李娜");
  }

  /** Registries answering from the given records; {@code up = false} is an outage. */
  public static Registries registries(boolean up, Map<String, InsuranceRecord> insurance, List<PropertyRecord> properties) {
    return new Registries() {
      @Override
      public HouseholdRegistry household() {
        return id -> Optional.empty();
      }

      @Override
      public RealEstateRegistry realEstate() {
        return number -> {
          if (!up) {
            throw new RegistryUnavailable("real-estate", null);
          }
          return properties.stream().filter(p -> p.number().equals(number)).findFirst();
        };
      }

      @Override
      public SocialInsuranceRegistry socialInsurance() {
        return (id, name) -> {
          if (!up) {
            throw new RegistryUnavailable("social-insurance", null);
          }
          return insurance.getOrDefault(id, InsuranceRecord.problem(InsuranceRecord.Status.NOT_FOUND, "SOCIAL"));
        };
      }
    };
  }

  /** 郑军's record: every type from 2020-08 to 2024-03 (8 earlier + 36 recent months). */
  public static InsuranceRecord seedInsurance() {
    Map<String, List<YearMonth>> months = new HashMap<>();
    for (String type : new String[] {"pension", "medical", "unemployment", "injury", "maternity"}) {
      List<YearMonth> list = new ArrayList<>();
      for (YearMonth m = YearMonth.of(2020, 8); !m.isAfter(YearMonth.of(2024, 3)); m = m.plusMonths(1)) {
        list.add(m);
      }
      months.put(type, list);
    }
    return InsuranceRecord.found(months);
  }

  public static PropertyRecord seedProperty() {
    return new PropertyRecord("KS2003015678", false,
        List.of(new PropertyRecord.Owner(SUBJECT_ID, "郑军", java.math.BigDecimal.valueOf(100))),
        java.time.LocalDate.of(2003, 8, 15), "江苏省昆山市花桥镇绿地大道188号3幢1201室");
  }

  public static Registries seedRegistries() {
    return registries(true, Map.of(SUBJECT_ID, seedInsurance()), List.of(seedProperty()));
  }
}
