package org.parkline.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parkline.client.EntryPreferences;
import org.parkline.client.EntryRequest;
import org.parkline.client.Vehicle;
import org.parkline.client.VehicleType;
import org.parkline.server.support.Browser;
import org.parkline.server.support.IntegrationTest;

/** The page a newcomer opens first, in a real browser: the demo lots' availability, kept live. */
class HomePageIT extends IntegrationTest {

    @Test
    void showsEachDemoLotByFloorAndSpotTypeAndFollowsEntriesLive() throws Exception {
        try (Browser browser = Browser.open()) {
            var page = browser.driver();
            page.get("http://localhost:" + port + "/");

            WebElement marina = page.findElement(By.cssSelector("section[data-lot-id='L1']"));
            assertThat(marina.findElement(By.tagName("h2")).getText()).contains("Marina Central Garage");
            assertThat(marina.findElements(By.cssSelector("tbody tr"))).hasSize(3);
            assertThat(page.findElement(By.cssSelector("section[data-lot-id='L2'] h2"))
                            .getText())
                    .contains("Harbour Street");
            WebElement compactFree = marina.findElement(By.cssSelector("td[data-total-type='COMPACT']"));
            int before = Integer.parseInt(compactFree.getText().split(" ")[0]);
            WebElement floorOneCompact =
                    marina.findElement(By.cssSelector("tr[data-floor-id='F1'] td[data-type='COMPACT']"));
            int floorOneBefore = Integer.parseInt(floorOneCompact.getText());

            api.enter(
                    EntryRequest.of("L1", "GATE_E_01", Vehicle.of(VehicleType.CAR), EntryPreferences.none()),
                    "home-page-car");

            new WebDriverWait(page, Duration.ofSeconds(12))
                    .until(d -> compactFree.getText().startsWith((before - 1) + " "));
            assertThat(Integer.parseInt(floorOneCompact.getText())).isEqualTo(floorOneBefore - 1);
            Files.write(Path.of("target", "home-page.png"), page.getScreenshotAs(OutputType.BYTES));

            page.findElement(By.linkText("API documentation (Swagger UI)")).click();
            new WebDriverWait(page, Duration.ofSeconds(15))
                    .until(d -> !d.findElements(By.cssSelector(".swagger-ui .information-container"))
                            .isEmpty());
            assertThat(page.getPageSource()).contains("/v1/tickets/entry");
        }
    }
}
