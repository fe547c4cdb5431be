package org.civicplatform.kunshan.verification;

import static org.civicplatform.kunshan.verification.KunshanApplications.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.civicplatform.spi.registry.InsuranceRecord;
import org.civicplatform.spi.registry.RegistryUnavailable;
import org.civicplatform.spi.rules.CheckResult;
import org.junit.jupiter.api.Test;

class KunshanRegistryChecksTest {

  static CheckResult insurance(InsuranceRecord record) {
    return KunshanRegistryChecks.socialInsurance(seedApplication(),
        registries(true, Map.of(SUBJECT_ID, record), List.of()));
  }

  @Test
  void theSubjectsMonthsAreShownPerTypeInTheRecentAndEarlierColumns() {
    CheckResult result = KunshanRegistryChecks.socialInsurance(seedApplication(), seedRegistries());
    assertEquals(CheckResult.Outcome.PASSED, result.outcome());
    JsonObject data = result.data();
    assertEquals("社保对接结果", data.getJsonObject("title").getString("zh"));
    assertEquals("1-3年缴纳（月）", data.getJsonObject("columns").getJsonObject("recent").getString("zh"));
    JsonObject pension = data.getJsonArray("rows").getJsonObject(0);
    assertEquals("养老保险", pension.getJsonObject("label").getString("zh"));
    assertEquals(36, pension.getInt("recentMonths"));
    assertEquals(8, pension.getInt("earlierMonths"));
    assertEquals("如有问题请到社保部门核实", data.getJsonObject("note").getString("zh"));
  }

  @Test
  void severalSocialInsuranceNumbersAskToMergeAtTheServiceHall() {
    CheckResult result = insurance(InsuranceRecord.problem(InsuranceRecord.Status.SEVERAL_NUMBERS, "SOCIAL"));
    assertEquals(CheckResult.Outcome.PENDING_REVIEW, result.outcome(), "仅供参考: never an anomaly that returns");
    assertEquals("获取到多个社保个人编号，请到人社服务大厅合并数据。", result.detail().zh());
    assertEquals("SEVERAL_NUMBERS", result.data().getString("status"));
  }

  @Test
  void severalMedicalInsuranceNumbersNameTheMedicalFund() {
    assertEquals("获取到多个医保个人内码，请到人社服务大厅合并数据。",
        insurance(InsuranceRecord.problem(InsuranceRecord.Status.SEVERAL_NUMBERS, "MEDICAL")).detail().zh());
  }

  @Test
  void aPersonWithoutANumberIsNotFound() {
    CheckResult result = KunshanRegistryChecks.socialInsurance(seedApplication(), registries(true, Map.of(), List.of()));
    assertEquals("未查询到对应社保个人编号。", result.detail().zh());
    assertEquals("未查询到对应社保个人编号。", result.data().getJsonObject("message").getString("zh"));
  }

  @Test
  void anAccountNotInNormalStatusIsSaidSo() {
    assertEquals("该人员医保账户非正常状态。",
        insurance(InsuranceRecord.problem(InsuranceRecord.Status.NOT_NORMAL, "MEDICAL")).detail().zh());
  }

  @Test
  void aMatchingCertificateShowsItsRegistrationDateAndAddress() {
    CheckResult result = KunshanRegistryChecks.property(seedApplication(), seedRegistries());
    assertEquals(CheckResult.Outcome.PASSED, result.outcome());
    assertEquals("匹配", result.data().getJsonObject("result").getString("zh"));
    assertEquals("2003-08-15", result.data().getString("registrationDate"));
    assertEquals("江苏省昆山市花桥镇绿地大道188号3幢1201室", result.data().getString("address"));
    assertEquals("此仅为系统对接结果，不作为最终审核结果", result.data().getJsonObject("note").getString("zh"));
  }

  @Test
  void anotherOwnerOfTheCertificateIsAMismatch() {
    CheckResult result = KunshanRegistryChecks.property(
        seedApplication("KS2003015678", "320583198706200020", "李娜"), seedRegistries());
    assertEquals("产权人与房屋产权证编号不符", result.detail().zh());
    assertEquals("OWNER_MISMATCH", result.data().getString("status"));
  }

  @Test
  void anUnknownCertificateHasNoRegistrationRecord() {
    CheckResult result = KunshanRegistryChecks.property(seedApplication("KS1999000001", SUBJECT_ID, "李娜"), seedRegistries());
    assertEquals("房屋产权证查无登记信息", result.detail().zh());
    assertEquals(CheckResult.Outcome.PENDING_REVIEW, result.outcome());
  }

  @Test
  void aRealEstateCertificateIsLookedUpByYearAndSevenDigits() {
    assertEquals("苏(2019)昆山市不动产权第1234567号", KunshanRegistryChecks.certificateKey(jakarta.json.Json.createObjectBuilder()
        .add("certificateType", "REAL_ESTATE").add("certificateYear", 2019).add("certificateNumber", "1234567").build()));
  }

  @Test
  void anOutageConcludesNothing() {
    assertThrows(RegistryUnavailable.class,
        () -> KunshanRegistryChecks.verify(seedApplication(), registries(false, Map.of(), List.of())));
  }
}
