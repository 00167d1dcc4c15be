package cn.smartfactory.lending.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The factory dashboard in Cockpit, in Chinese, on the demo data: mgr1 sees the KPI tiles with figures
 * on Cockpit's dashboard and the page with the station chart, the trend and the officers; am1, who has
 * no Cockpit, gets a refusal from the dashboard's data even with a signed-in browser session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactoryDashboardBrowserTest {

    @LocalServerPort
    int port;

    Tasklist tasklist;

    @BeforeEach
    void startBrowser() throws Exception {
        if (!Tasklist.available() && "true".equals(System.getenv("LENDING_CI"))) {
            throw new AssertionError("chromium and chromedriver are required in CI; .ci/run should have installed them");
        }
        assumeTrue(Tasklist.available(), "Debian's chromium and chromium-driver are not installed: skipping the browser tests");
        tasklist = Tasklist.open(port);
    }

    @AfterEach
    void stopBrowser() {
        if (tasklist != null) {
            tasklist.close();
        }
    }

    @Test
    void aManagerSeesTheKpiTilesAndTheFactoryPage() {
        tasklist.login("cockpit", "mgr1", By.cssSelector("[cam-widget-header] .navbar-brand"));
        tasklist.wait.until(d -> !d.findElements(By.cssSelector(".factory-dashboard .factory-tile")).isEmpty());
        String dashboard = tasklist.bodyText();
        assertThat(dashboard).contains("工厂看板 Factory dashboard", "放款笔数 Loans disbursed", "退件率 Rework rate",
                "不良率 NPL rate", "贷后检查按时率 Checks on time", "本季度 This quarter");
        WebElement disbursed = tasklist.browser.findElements(By.cssSelector(".factory-dashboard .factory-tile")).get(0);
        assertThat(disbursed.findElement(By.cssSelector(".value")).getText()).as("the demo loan disbursed today").matches("[1-9][0-9]*");
        assertThat(tasklist.browser.findElement(By.cssSelector("[cam-widget-header]")).getText()).contains("工厂看板 Factory");
        tasklist.shot("30-factory-dashboard-tiles");

        tasklist.browser.get(tasklist.url("/camunda/app/cockpit/default/#/factory"));
        tasklist.wait.until(d -> !d.findElements(By.cssSelector(".factory-page .bar-row")).isEmpty());
        String page = tasklist.bodyText();
        assertThat(page).contains("岗位瓶颈 Station bottleneck", "月度趋势 Trend by month", "人员 Officers",
                "资产质量(当前) Portfolio quality (now)", "现场尽调 On-site investigation", "导出 Excel Export");
        List<WebElement> months = tasklist.browser.findElements(By.xpath("//h3[contains(., '月度趋势')]/following-sibling::table[1]//tbody/tr"));
        assertThat(months).as("the quarter's three months").hasSize(3);
        assertThat(tasklist.browser.findElement(By.cssSelector(".factory-page a.btn-default")).getDomAttribute("href"))
                .startsWith("/api/kpis/export");
        // Last month's levels: the account managers and, with their authority, the approvers (the demo evaluates both).
        tasklist.wait.until(d -> d.findElement(By.cssSelector(".factory-evaluation")).getText().contains("审批人分级"));
        assertThat(tasklist.browser.findElement(By.cssSelector(".factory-evaluation")).getText())
                .contains("审批人分级(分层授权) Approver levels (tiered authority)", "apr1", "免责/担责 Exempt/Responsible");
        tasklist.shot("31-factory-dashboard-page");
    }

    @Test
    void anAccountManagerGetsARefusalFromTheDashboardsData() {
        tasklist.login("am1");
        tasklist.browser.get(tasklist.url("/api/kpis"));
        assertThat(tasklist.bodyText()).contains("仅管理者和风险管理岗可查看工厂指标").doesNotContain("turnaround");
        tasklist.browser.get(tasklist.url("/api/kpis/export"));
        assertThat(tasklist.bodyText()).contains("仅管理者和风险管理岗可查看工厂指标");
    }
}
