package cn.smartfactory.lending.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.smartfactory.lending.decision.StandaloneDecisionRules;
import cn.smartfactory.lending.investigation.InvestigationRecord;
import cn.smartfactory.lending.scoring.RiskAssessment;
import cn.smartfactory.lending.scoring.RiskEngine;
import cn.smartfactory.lending.scoring.WorkedCases;

class IndustryCatalogTest {

    @Test
    void shipsTheSixIndustriesOfTheRiskModel() {
        IndustryCatalog catalog = IndustryCatalog.fromClasspath();
        assertThat(catalog.all()).extracting(Industry::code).containsExactly("FMCG_WHOLESALE", "CATERING",
                "RETAIL_STORE", "LIGHT_MANUFACTURING", "LOGISTICS", "AGRICULTURE");
        Band fmcgMargin = catalog.get("FMCG_WHOLESALE").band(BenchmarkMetric.GROSS_MARGIN);
        assertThat(fmcgMargin.low()).isEqualByComparingTo("0.08");
        assertThat(fmcgMargin.high()).isEqualByComparingTo("0.15");
        assertThat(catalog.salesEvidence().minimumStatementMonths()).isEqualTo(6);
    }

    /** A seventh industry is an entry in the reference data: no Java changes, and it scores. */
    @Test
    void seventhIndustryIsADataChange() throws IOException {
        IndustryCatalog catalog = loadChanged(root -> ((ArrayNode) root.get("industries")).addObject()
                .put("code", "TEA_HOUSE").put("nameZh", "茶馆").put("nameEn", "Tea house").put("salesCapRatio", 0.25)
                .<ObjectNode>set("stress", WorkedCases.JSON.createObjectNode().put("salesDrop", 0.2).put("marginDrop", 0.05))
                .<ObjectNode>set("driver", WorkedCases.JSON.createObjectNode()
                        .put("formula", "tables * guestsPerTablePerDay * spendPerGuest * openingDaysPerMonth")
                        .put("descriptionZh", "桌数 × 每桌日客数 × 人均消费 × 月营业天数")
                        .put("descriptionEn", "tables x guests per table per day x spend per guest x opening days")
                        .set("inputs", WorkedCases.JSON.valueToTree(java.util.List.of(
                                input("tables", 1, 500), input("guestsPerTablePerDay", 0, 50),
                                input("spendPerGuest", 0, 2000), input("openingDaysPerMonth", 0, 31)))))
                .set("benchmarks", ((ObjectNode) root.get("industries").get(1)).get("benchmarks").deepCopy()));
        InvestigationRecord teaHouse = WorkedCases.mutate("2-catering", t -> {
            t.put("industry", "TEA_HOUSE");
            t.set("driverInputs", WorkedCases.JSON.createObjectNode().put("tables", 20).put("guestsPerTablePerDay", 6)
                    .put("spendPerGuest", 38).put("openingDaysPerMonth", 30));
        });

        RiskAssessment a = new RiskEngine(catalog, StandaloneDecisionRules.fromClasspath()).assess(teaHouse);

        assertThat(a.industryNameEn()).isEqualTo("Tea house");
        assertThat(a.sales().estimates().get(3).monthlySales()).isEqualByComparingTo("136800"); // 20 x 6 x 38 x 30
        assertThat(a.indicators()).hasSize(22);
        assertThat(a.grade()).isNotBlank();
    }

    /** The application form offers exactly the catalog's industries, as committed; a seventh appears by data alone. */
    @Test
    void theApplicationFormOffersTheCatalogsIndustries() throws IOException {
        String committed = java.nio.file.Files.readString(IndustryForms.APPLICATION_START, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(IndustryForms.applicationStart(committed, IndustryCatalog.fromClasspath()))
                .as("forms/application-start.form is generated from the catalog: run IndustryForms").isEqualTo(committed);
        IndustryCatalog withTeaHouse = loadChanged(root -> ((ArrayNode) root.get("industries")).add(
                ((ObjectNode) root.get("industries").get(1)).deepCopy().put("code", "TEA_HOUSE").put("nameZh", "茶馆")
                        .put("nameEn", "Tea house")));
        assertThat(IndustryForms.applicationStart(committed, withTeaHouse)).contains("\"label\": \"茶馆 Tea house\"",
                "\"value\": \"TEA_HOUSE\"");
        assertThat(withTeaHouse.find("TEA_HOUSE")).as("the pre-screen serves what the catalog describes").isPresent();
    }

    /**
     * Each industry's investigation checklist is the shared template with the industry's title and driver section,
     * as committed; a seventh industry gets its checklist from data alone.
     */
    @Test
    void theInvestigationChecklistsAreGeneratedFromTheCatalog() throws IOException {
        String template = java.nio.file.Files.readString(IndustryForms.INVESTIGATION_TEMPLATE, java.nio.charset.StandardCharsets.UTF_8);
        for (Industry industry : IndustryCatalog.fromClasspath().all()) {
            java.nio.file.Path file = IndustryForms.investigationFormFile(industry.code());
            assertThat(IndustryForms.investigation(template, IndustryCatalog.fromClasspath(), industry)).as("%s is generated: run IndustryForms", file)
                    .isEqualTo(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        }
        IndustryCatalog withTeaHouse = loadChanged(root -> ((ArrayNode) root.get("industries")).add(
                ((ObjectNode) root.get("industries").get(1)).deepCopy().put("code", "TEA_HOUSE").put("nameZh", "茶馆")
                        .put("nameEn", "Tea house").set("driver", WorkedCases.JSON.createObjectNode()
                                .put("formula", "tables * guestsPerTablePerDay * spendPerGuest * openingDaysPerMonth")
                                .put("descriptionZh", "桌数 × 每桌日客数 × 人均消费 × 月营业天数")
                                .put("descriptionEn", "tables x guests per table per day x spend per guest x opening days")
                                .set("inputs", WorkedCases.JSON.valueToTree(java.util.List.of(
                                        input("tables", 1, 500), input("guestsPerTablePerDay", 0, 50),
                                        input("spendPerGuest", 0, 2000), input("openingDaysPerMonth", 0, 31)))))));
        String teaHouse = IndustryForms.investigation(template, withTeaHouse, withTeaHouse.get("TEA_HOUSE"));
        assertThat(teaHouse).contains("\"id\": \"investigation-tea-house\"", "现场尽调清单:茶馆", "Tea house",
                "\"key\": \"driverTables\"", "\"key\": \"driverSpendPerGuest\"", "桌数 × 每桌日客数 × 人均消费 × 月营业天数");
        assertThat(IndustryForms.investigationFormFile("TEA_HOUSE")).hasToString("forms/investigation-tea-house.form");

        // a region with its own household expense norm is data too: offered on every checklist
        IndustryCatalog withMountains = loadChanged(root -> ((ArrayNode) root.get("householdExpenseNorms")).addObject()
                .put("code", "MOUNTAIN_VILLAGE").put("nameZh", "山区村").put("nameEn", "Mountain village")
                .put("perPersonMonthly", 700));
        assertThat(withMountains.expenseNorm("MOUNTAIN_VILLAGE")).get().extracting(ExpenseNorm::perPersonMonthly)
                .isEqualTo(java.math.BigDecimal.valueOf(700));
        assertThat(IndustryForms.investigation(template, withMountains, withMountains.get("CATERING")))
                .contains("\"value\": \"MOUNTAIN_VILLAGE\"", "山区村 Mountain village");
    }

    /** Each monitoring checklist's industry sections are the catalog's monitoring questions, as committed. */
    @Test
    void theMonitoringChecklistsIndustrySectionsAreGeneratedFromTheCatalog() throws IOException {
        for (java.nio.file.Path form : IndustryForms.monitoringForms()) {
            String committed = java.nio.file.Files.readString(form, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(IndustryForms.monitoringCheck(committed, IndustryCatalog.fromClasspath()))
                    .as("%s is generated: run IndustryForms", form).isEqualTo(committed);
        }
        assertThat(IndustryForms.monitoringForms()).hasSize(3);
        String credit = java.nio.file.Files.readString(java.nio.file.Path.of("forms", "monitoring-check-credit.form"),
                java.nio.charset.StandardCharsets.UTF_8);
        IndustryCatalog withTeaHouse = loadChanged(root -> ((ArrayNode) root.get("industries")).add(
                ((ObjectNode) root.get("industries").get(1)).deepCopy().put("code", "TEA_HOUSE").put("nameZh", "茶馆")
                        .put("nameEn", "Tea house").set("monitoringQuestions", WorkedCases.JSON.valueToTree(java.util.List.of(
                                java.util.Map.of("key", "checkTeaHouseTablesOccupied", "labelZh", "上座桌数", "labelEn",
                                        "Tables occupied", "min", 0, "max", 500))))));
        String withSection = IndustryForms.monitoringCheck(credit, withTeaHouse);
        assertThat(withSection).contains("\"id\": \"Group_TeaHouse\"", "=industry != \\\"TEA_HOUSE\\\"",
                "\"key\": \"checkTeaHouseTablesOccupied\"", "上座桌数 Tables occupied");
        assertThat(withSection.indexOf("Group_TeaHouse")).isLessThan(withSection.indexOf("Group_Conclusion"));

        IndustryCatalog clash = loadChanged(root -> ((ArrayNode) root.get("industries")).add(
                ((ObjectNode) root.get("industries").get(1)).deepCopy().put("code", "TEA_HOUSE").put("nameZh", "茶馆")
                        .put("nameEn", "Tea house")));
        assertThatThrownBy(() -> IndustryForms.monitoringCheck(credit, clash)).hasMessageContaining("checkCateringFootfall")
                .hasMessageContaining("unique");
    }

    @Test
    void formulaUsingAnUndeclaredInputIsRejectedNamingTheIndustry() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(1).get("driver"))
                .put("formula", "seats * tablesTurns * averageTicketPerCover")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CATERING").hasMessageContaining("seats");
    }

    @Test
    void formulaWithSyntaxErrorIsRejected() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(0).get("driver"))
                .put("formula", "invoicedPurchasesPerMonth / (1 - ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FMCG_WHOLESALE");
    }

    @Test
    void bandWithLowAboveHighIsRejected() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(2).get("benchmarks")
                .get("grossMargin")).put("low", 0.5)))
                .hasMessageContaining("low < high");
    }

    @Test
    void missingBenchmarkIsRejectedNamingIt() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(3).get("benchmarks"))
                .remove("receivableDays")))
                .hasMessageContaining("LIGHT_MANUFACTURING").hasMessageContaining("receivableDays");
    }

    @Test
    void aMissingOrImpossibleStressScenarioIsRejectedNamingTheIndustry() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(3)).remove("stress")))
                .hasMessageContaining("LIGHT_MANUFACTURING").hasMessageContaining("stress");
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(1).get("stress"))
                .put("salesDrop", 1.2))).hasMessageContaining("CATERING").hasMessageContaining("salesDrop");
    }

    @Test
    void duplicateIndustryCodeIsRejected() {
        assertThatThrownBy(() -> loadChanged(root -> ((ObjectNode) root.get("industries").get(1)).put("code", "FMCG_WHOLESALE")))
                .hasMessageContaining("appears twice");
    }

    @Test
    void bandPositionIsMeasuredInBandWidths() {
        Band band = new Band(new BigDecimal("0.08"), new BigDecimal("0.115"), new BigDecimal("0.15"));
        assertThat(band.position(new BigDecimal("0.10"))).isEqualByComparingTo("0");
        assertThat(band.position(new BigDecimal("0.05")).doubleValue()).isEqualTo(-3.0 / 7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(band.position(new BigDecimal("0.185"))).isEqualByComparingTo("0.5");
        assertThat(band.status(new BigDecimal("0.185"))).isEqualTo(Band.BandStatus.ABOVE);
    }

    private static ObjectNode input(String name, int min, int max) {
        return WorkedCases.JSON.createObjectNode().put("name", name).put("labelZh", name).put("labelEn", name)
                .put("unit", "-").put("min", min).put("max", max);
    }

    private static IndustryCatalog loadChanged(Consumer<ObjectNode> change) throws IOException {
        try (InputStream in = IndustryCatalog.class.getClassLoader().getResourceAsStream(IndustryCatalog.DEFAULT_RESOURCE)) {
            ObjectNode root = (ObjectNode) WorkedCases.JSON.readTree(in);
            change.accept(root);
            return IndustryCatalog.load(new ByteArrayInputStream(WorkedCases.JSON.writeValueAsBytes(root)));
        }
    }
}
