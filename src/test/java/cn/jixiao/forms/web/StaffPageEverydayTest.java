package cn.jixiao.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/** Everyday actions: 打印, Ctrl+P, the choices of 金额单位, and 空白表单 once a form is filled. */
class StaffPageEverydayTest extends BrowserSession {

    @BeforeEach
    void laptop() {
        browser.size(1366, 768);
    }

    @Test
    void amountUnitOffersEachUnitOnceAndNeverNull() {
        browser.open("performance-target", false);
        browser.forgetDrafts();
        List<String> choices = new Select(browser.field("/amountUnit")).getOptions().stream().map(WebElement::getText).toList();
        assertEquals(List.of("万元（默认）", "元"), choices);
        assertEquals("万元", browser.value("/amountUnit"));
    }

    @Test
    void amountsInYuanOrWithWanAreTakenInAWanTable() {
        browser.open("performance-target", false);
        browser.forgetDrafts();
        String path = "/units/0/projects/0/fiscalAppropriation";
        browser.type(browser.field(path), "120万");
        browser.field(path).sendKeys(Keys.TAB);
        assertEquals("120", browser.rawDocumentValue(path));
        for (String[] offered : new String[][]{{"1,265,000元", "126.5"}, {"1,184,235元", "118.42"}}) {
            browser.type(browser.field(path), offered[0]);
            String message = browser.typedProblem(path);
            assertTrue(message.contains("改为 " + offered[1]), message);
            browser.picture("42-amount-in-yuan-offered-in-wan-" + offered[1]);
            WebElement accept = browser.driver.findElement(By.cssSelector(".field[data-path='" + path + "'] .accept-offer"));
            browser.js("arguments[0].focus();", accept);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.wait.until(d -> browser.driver.findElements(By.cssSelector(".field[data-path='" + path + "'] .accept-offer")).isEmpty());
            assertEquals(offered[1], browser.rawDocumentValue(path));
        }
    }

    @Test
    void blankFormIsCalledANewOneOnceTheFormHoldsSomething() {
        browser.open("performance-self-evaluation", false);
        browser.forgetDrafts();
        assertEquals("空白表单", browser.text(By.id("load-empty")));
        WebElement name = browser.field("/forms/0/projectName");
        name.sendKeys("办公楼改造");
        browser.wait.until(d -> browser.text(By.id("load-empty")).equals("新建空白表单"));
        browser.picture("40-blank-form-relabelled-once-filled");
    }

    @Test
    void printOpensThePdfAndCtrlPPrintsTheFormNotTheEditor() {
        browser.open("performance-tracking", true);
        browser.forgetDrafts();
        String page = browser.driver.getWindowHandle();
        WebElement print = browser.driver.findElement(By.id("print"));
        browser.js("arguments[0].focus();", print);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.wait.until(d -> d.getWindowHandles().size() == 2);
        browser.wait.until(d -> browser.text(By.id("status")).contains("请从那里打印"));
        String tab = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.driver.switchTo().window(tab);
        browser.wait.until(d -> d.getCurrentUrl().startsWith("blob:"));
        browser.driver.close();
        browser.driver.switchTo().window(page);

        browser.wait.until(d -> !d.findElements(By.cssSelector("#pages img")).isEmpty());
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String hidden : List.of("header.bar", "nav.outline", "section.editor", ".actions")) {
                assertEquals("none", browser.js("return getComputedStyle(document.querySelector(arguments[0])).display;", hidden), hidden);
            }
            assertTrue((Boolean) browser.js("return document.querySelector('#pages img').getBoundingClientRect().width > 0;"));
            browser.picture("41-ctrl-p-prints-the-form");
        } finally {
            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
