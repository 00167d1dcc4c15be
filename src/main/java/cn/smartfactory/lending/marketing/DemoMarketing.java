package cn.smartfactory.lending.marketing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.smartfactory.lending.customer.CustomerKey;
import cn.smartfactory.lending.platform.BankClock;
import cn.smartfactory.lending.platform.DemoSeed;

/**
 * The demo profile's marketing station: am1 and am2 get their territories, and mkt1 has one running
 * campaign whose name list gives both account managers outreach tasks on the first start (the job
 * executor creates them a moment after start-up).
 */
@Component
@Profile("demo")
class DemoMarketing implements DemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMarketing.class);

    /** name, phone, 17 ID digits, industry, region, business type, address. */
    private static final List<String[]> NAMES = List.of(
            new String[] {"王建国", "13800138001", "41010219750312003", "FMCG_WHOLESALE", "城关镇", "个体工商户", "城关镇建设路12号"},
            new String[] {"李秀英", "13800138002", "41010219800521004", "RETAIL_STORE", "城关镇", "个体工商户", "城关镇人民路88号"},
            new String[] {"张伟", "13800138003", "41010219881109005", "CATERING", "城关镇", "小微企业主", "城关镇文化街3号"},
            new String[] {"刘芳", "13800138004", "41010219790203006", "FMCG_WHOLESALE", "城关镇", "市场商户", "城关农贸市场B区7号"},
            new String[] {"陈明", "13800138005", "41010219850715007", "RETAIL_STORE", "城关镇", "个体工商户", ""},
            new String[] {"杨丽", "13800138006", "41010219920928008", "CATERING", "城关镇", "个体工商户", "城关镇步行街21号"},
            new String[] {"赵强", "13900139001", "41010219770406009", "LIGHT_MANUFACTURING", "清水镇", "小微企业主", "清水镇工业园5号"},
            new String[] {"黄磊", "13900139002", "41010219830817010", "LOGISTICS", "清水镇", "个体工商户", "清水镇物流园2号"},
            new String[] {"周敏", "13900139003", "41010219760130011", "AGRICULTURE", "清水镇", "农户", "清水镇东村"},
            new String[] {"吴刚", "13900139004", "41010219810622012", "AGRICULTURE", "清水镇", "农户", "清水镇西村"},
            new String[] {"徐静", "13900139005", "41010219900311013", "LIGHT_MANUFACTURING", "清水镇", "小微企业主", ""},
            new String[] {"孙涛", "13900139006", "41010219870505014", "LOGISTICS", "清水镇", "个体工商户", "清水镇车站路9号"});

    private final AccountManagerProfiles profiles;
    private final CampaignService campaigns;
    private final JdbcClient jdbc;

    DemoMarketing(AccountManagerProfiles profiles, CampaignService campaigns, JdbcClient jdbc) {
        this.profiles = profiles;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10; // after the sample loans
    }

    @Override
    public void seedOnce() {
        if (profiles.find("am1").isEmpty()) {
            profiles.save(new AccountManagerProfile("am1", "CHENGGUAN", List.of("FMCG_WHOLESALE", "RETAIL_STORE", "CATERING"), true), "mkt1");
        }
        if (profiles.find("am2").isEmpty()) {
            profiles.save(new AccountManagerProfile("am2", "QINGSHUI",
                    List.of("LIGHT_MANUFACTURING", "LOGISTICS", "AGRICULTURE", "CATERING"), true), "mkt1");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM campaign").query(Integer.class).single() > 0) {
            LOG.info("Demo profile: a campaign exists already, no sample campaign added");
            return;
        }
        LocalDate today = BankClock.today();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("campaignName", "春节备货营销 Spring Festival stock-up");
        form.put("objective", "为城关镇、清水镇的商户提供旺季备货资金 Stock-up credit for the two towns' businesses before the season");
        form.put("targetSegment", "城关镇、清水镇 个体工商户与小微企业主 Businesses in Chengguan and Qingshui");
        form.put("strategy", "SEASONAL_STOCK");
        form.put("channel", "VISIT");
        form.put("listSource", "NAME_LIST");
        form.put("startDate", today.toString());
        form.put("endDate", today.plusDays(60).toString());
        form.put("conversionTarget", 4L);
        form.put("maxAttempts", 3L);
        var started = campaigns.start(form, "mkt1", "demo-name-list.csv", nameList());
        LOG.info("Demo profile: campaign {} started with {} leads for am1 and am2", started.campaignId(), started.list().imported());
    }

    static byte[] nameList() {
        StringBuilder csv = new StringBuilder("name,phone,idNumber,industry,region,businessType,address\n");
        for (String[] n : NAMES) {
            String id = n[2] + CustomerKey.residentCheck(n[2]);
            csv.append(String.join(",", n[0], n[1], id, n[3], n[4], n[5], n[6])).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
