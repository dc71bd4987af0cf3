package io.leadline.systemtests;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;

/**
 * Headless Chromium through Selenium, with the distribution's browser and driver (/usr/bin/chromium,
 * /usr/bin/chromedriver; other paths through {@code -Dleadline.chromium} and {@code -Dleadline.chromedriver}), so
 * Selenium Manager downloads nothing.
 */
final class ChromiumBrowser implements SignInBrowser {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    ChromiumBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("leadline.chromium", "/usr/bin/chromium"));
        // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1024,768");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("leadline.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    }

    @Override
    public void open(String url) {
        driver.get(url);
    }

    @Override
    public void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    @Override
    public void click(String id) {
        WebElement element = driver.findElement(By.id(id));
        element.click();
        // a click that navigates returns before the next page may have replaced this one: wait until it has
        new WebDriverWait(driver, PAGE_TIMEOUT).until(ExpectedConditions.stalenessOf(element));
    }

    @Override
    public String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public String title() {
        return driver.getTitle();
    }

    @Override
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
