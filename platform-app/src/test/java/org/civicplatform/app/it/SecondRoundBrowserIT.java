package org.civicplatform.app.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A parent whose child is marked 可二次填报 (the crafted 玉山镇 of {@link SecondRoundScenario}, published up to
 * PUBLIC) opens 二次志愿填报 from the family home's 二次志愿 row, is told to choose a school, picks the school
 * with seats and submits; the home row then reads 已提交. Once the full run is published the page is
 * read-only with the result. Screenshots at 375 px and 1280 px, axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
class SecondRoundBrowserIT extends BrowserTest {

  static final String PARENT = "13800000001";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestPlatform.get().war(Map.of("platform.demo-data.enabled", "true"));
  }

  @ArquillianResource URL deployment;

  @Override
  protected URL deployedAt() {
    return deployment;
  }

  @Test
  void theParentFillsTheSecondRoundChoicesFromTheFamilyHome() throws Exception {
    Api api = new Api(deployment);
    SecondRoundScenario.Children children = SecondRoundScenario.build(api, PARENT, SecondRoundScenario.YUSHAN);
    SecondRoundScenario.publishPublicRound(api);
    try {
      run(() -> flow(children), "second-round-failure.png");
    } finally {
      // leave no partial publication behind: the full run continues it and is published
      SecondRoundScenario.publishFullRun(api);
    }
    page.navigate(base + "#/t/kunshan/c/" + children.open() + "/second-round");
    assertThat(page.locator("#sr-result")).containsText("拟录取");
    assertThat(page.locator("#sr-result")).containsText("昆山市柏庐实验小学");
    assertThat(page.locator("#sr-choices")).containsText("昆山市柏庐实验小学");
    assertEquals(0, page.locator("#sr-save").count(), "read-only once decided");
    shot("second-round-04-decided");
  }

  void flow(SecondRoundScenario.Children children) throws Exception {
    page.navigate(base + "#/t/kunshan");
    keycloakLogin(PARENT, "Demo#2024");
    var open = page.locator("li[data-child='" + children.open() + "']");
    var row = open.locator("tr[data-batch='SECOND_ROUND']");
    assertThat(row).containsText("未填报");
    assertThat(open.locator("tr[data-batch='PUBLIC']")).containsText("可二次填报");
    assertEquals(0, page.locator("#second-round-" + children.placed()).count(), "no link for a child placed already");
    open.scrollIntoViewIfNeeded();
    shot("second-round-01-home");

    row.locator("a[data-action='second-round']").click();
    assertThat(page.locator("h1")).containsText("二次志愿填报");
    assertThat(page.locator("#sr-deadline")).containsText("截止还有 5 天");
    assertThat(page.locator("#sr-district")).containsText("玉山镇");
    assertEquals(10, page.locator("#sr-slots select").count());
    assertThat(page.locator("#sr-slot-1 option[value='ks-bailu']")).containsText("剩余学位 1");
    assertEquals(0, page.locator("#sr-slot-1 option[value='ks-peiben']").count(), "the full school is not offered");
    shot("second-round-02-page");

    page.click("#sr-save");
    assertThat(page.locator("#sr-slot-1-error")).hasText("请至少选择一所学校。");
    assertThat(page.locator("#sr-errors")).isFocused();

    page.selectOption("#sr-slot-2", "ks-bailu");
    assertThat(page.locator("#sr-slot-1 option[value='ks-bailu']")).isDisabled();
    page.focus("#sr-slot-2-up");
    page.keyboard().press("Enter");
    assertThat(page.locator("#sr-slot-1")).hasValue("ks-bailu");
    assertThat(page.locator("#sr-slot-2")).hasValue("");
    page.click("#sr-save");
    assertThat(page.locator("#sr-notice")).containsText("二次志愿已提交");
    assertThat(page.locator("#sr-slot-1")).hasValue("ks-bailu");
    shot("second-round-03-saved");

    page.click("#sr-back");
    assertThat(page.locator("li[data-child='" + children.open() + "'] tr[data-batch='SECOND_ROUND']")).containsText("已提交");
    assertThat(page.locator("li[data-child='" + children.open() + "'] tr[data-batch='SECOND_ROUND']"))
        .containsText("昆山市柏庐实验小学");
  }
}
