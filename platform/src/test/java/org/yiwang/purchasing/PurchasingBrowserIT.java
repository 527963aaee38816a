package org.yiwang.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;

/**
 * In real headless Chromium, the medical consumables walk: a manufacturer adds a product and declares its
 * listing price with an evidence file; city staff see it flagged (no other-province price) and approve it with a
 * reason; it is on the public catalogue; a hospital orders it, the distributor delivers, the hospital confirms receipt
 * and records the settlement; staff see the price on the monitoring chart (ECharts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PurchasingBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void open_chromium() throws Exception {
		browser = Chromium.open(1600);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String username, String password) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
	}

	/** Clicks a plain form's button and waits for the next page's saved notice (the old page gone first). */
	private String submit(WebElement button) {
		button.click();
		wait.until(Chromium.gone(button));
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice"))).getText();
	}

	@Test
	void a_listing_price_is_approved_then_ordered_delivered_received_and_settled() throws Exception {
		PurchasingFixture f = new PurchasingFixture(context);
		f.entity("maker", "浏览器耗材公司", TestActor.YUZHONG, EntityRole.BIDDER);
		EntityView distributor = f.entity("dist", "浏览器配送公司", TestActor.YUZHONG, EntityRole.BIDDER);
		f.entity("hospital", "浏览器医院", TestActor.YUZHONG, EntityRole.TENDERER);
		String name = "一次性使用静脉留置针" + f.run;

		signIn(f.user("maker"), PurchasingFixture.PASSWORD);
		browser.get(url("/purchasing/supplier"));
		new Select(browser.findElement(By.id("category"))).selectByValue("MEDICAL_CONSUMABLES");
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("registrationNumber")).sendKeys("国械注准2019315");
		browser.findElement(By.id("specification")).sendKeys("22G");
		browser.findElement(By.id("add-product")).click();
		WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
		assertThat(refused.getText()).contains("注册证号").contains("国械注准2019315");

		new Select(browser.findElement(By.id("category"))).selectByValue("MEDICAL_CONSUMABLES");
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("registrationNumber")).sendKeys(PurchasingFixture.deviceNumber());
		browser.findElement(By.id("specification")).sendKeys("22G");
		assertThat(submit(browser.findElement(By.id("add-product")))).contains("产品已添加");
		Path evidence = Files.createTempFile("evidence", ".txt");
		Files.writeString(evidence, "外省中标通知书（浏览器测试）", StandardCharsets.UTF_8);
		WebElement row = browser.findElement(By.cssSelector("#my-products tr[data-product='" + name + "']"));
		row.findElement(By.cssSelector("input.price")).sendKeys("18.60");
		row.findElement(By.cssSelector("input.evidence")).sendKeys(evidence.toAbsolutePath().toString());
		assertThat(submit(row.findElement(By.cssSelector("button.declare")))).contains("挂网价已申报");
		Chromium.screenshot(browser, "purchasing-declared");

		signIn("staff", "Demo@2026yw");
		browser.get(url("/purchasing/prices"));
		WebElement pending = browser.findElement(By.cssSelector("#pending-prices tr[data-product='" + name + "']"));
		assertThat(pending.findElement(By.cssSelector("td.flag")).getText()).isEqualTo("无外省价格可比");
		pending.findElement(By.cssSelector("button.approve")).click();
		wait.until(Chromium.gone(pending));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText()).contains("理由");
		pending = browser.findElement(By.cssSelector("#pending-prices tr[data-product='" + name + "']"));
		pending.findElement(By.cssSelector("input.reason")).sendKeys("已核对生产企业出厂价与本地医院历史采购价");
		Chromium.screenshot(browser, "purchasing-review");
		assertThat(submit(pending.findElement(By.cssSelector("button.approve")))).contains("价格已挂网");

		browser.get(url("/catalogue"));
		assertThat(browser.findElement(By.id("catalogue-table")).getText()).contains(name).contains("18.60");
		ProductView product = f.catalogue.listedProducts(null).stream().filter(p -> p.name().equals(name)).findFirst()
			.orElseThrow();

		signIn(f.user("hospital"), PurchasingFixture.PASSWORD);
		browser.get(url("/purchasing/hospital"));
		new Select(browser.findElement(By.id("product"))).selectByValue(product.id().toString());
		browser.findElement(By.id("distributor")).sendKeys(distributor.creditCode());
		browser.findElement(By.id("quantity")).sendKeys("120");
		browser.findElement(By.id("unitPrice")).sendKeys("19.00");
		browser.findElement(By.id("place-order")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText())
			.contains("不能高于挂网价");
		new Select(browser.findElement(By.id("product"))).selectByValue(product.id().toString());
		browser.findElement(By.id("distributor")).sendKeys(distributor.creditCode());
		browser.findElement(By.id("quantity")).sendKeys("120");
		browser.findElement(By.id("unitPrice")).sendKeys("17.80");
		assertThat(submit(browser.findElement(By.id("place-order")))).contains("订单已提交");
		WebElement order = browser.findElement(By.cssSelector("#hospital-orders tbody tr"));
		assertThat(order.findElement(By.cssSelector("td.amount")).getText()).isEqualTo("2136.00");
		String orderId = order.getAttribute("data-order");

		signIn(f.user("dist"), PurchasingFixture.PASSWORD);
		browser.get(url("/purchasing/supplier"));
		WebElement delivery = browser.findElement(By.cssSelector("#deliveries tr[data-order='" + orderId + "']"));
		delivery.findElement(By.cssSelector("input.delivery-note")).sendKeys("配送单 PS-IT-001，批号 20261206");
		assertThat(submit(delivery.findElement(By.cssSelector("button.deliver")))).contains("已确认配送");

		signIn(f.user("hospital"), PurchasingFixture.PASSWORD);
		browser.get(url("/purchasing/hospital"));
		order = browser.findElement(By.cssSelector("#hospital-orders tr[data-order='" + orderId + "']"));
		assertThat(submit(order.findElement(By.cssSelector("button.receive")))).contains("已确认收货");
		order = browser.findElement(By.cssSelector("#hospital-orders tr[data-order='" + orderId + "']"));
		order.findElement(By.cssSelector("input.settle-amount")).sendKeys("2136.00");
		order.findElement(By.cssSelector("input.settle-reference")).sendKeys("PAY-IT-20261206");
		assertThat(submit(order.findElement(By.cssSelector("button.settle")))).contains("结算已登记");
		order = browser.findElement(By.cssSelector("#hospital-orders tr[data-order='" + orderId + "']"));
		assertThat(order.findElement(By.cssSelector("td.status")).getText()).isEqualTo("已结算");
		Chromium.screenshot(browser, "purchasing-settled");

		signIn("staff", "Demo@2026yw");
		browser.get(url("/purchasing/monitoring?product=" + product.id()));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#price-chart canvas")));
		assertThat(browser.findElement(By.id("price-points")).getText()).contains("浏览器医院").contains("17.80");
		Chromium.screenshot(browser, "purchasing-monitoring");
	}
}
