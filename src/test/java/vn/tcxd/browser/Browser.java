package vn.tcxd.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright (it cannot download its own browser here), with the flags
 * this machine needs; screenshots land in target/screenshots/.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("tcxd.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh page (own cookies) in a desktop or a phone-sized window. */
    Page page(boolean phone) {
        NewContextOptions options = new NewContextOptions().setLocale("vi-VN");
        if (phone) {
            options.setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
        } else {
            options.setViewportSize(1280, 900);
        }
        return browser.newContext(options).newPage();
    }

    /** A fresh page logged in through the login form at {@code loginUrl}, landed on the unit tree. */
    Page loggedIn(String loginUrl, String username, String password, boolean phone) {
        Page page = page(phone);
        page.navigate(loginUrl);
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("form button[type=submit]").first().click();
        page.waitForURL("**/units**");
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
