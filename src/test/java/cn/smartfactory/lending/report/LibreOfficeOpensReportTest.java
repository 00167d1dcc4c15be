package cn.smartfactory.lending.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Opens every worked case's report, and an incomplete one, in LibreOffice (headless) and prints
 * them to PDF: a workbook LibreOffice cannot load makes this fail. The PDFs land in
 * target/reports for a look by eye. Skipped, saying why, where LibreOffice is not installed;
 * .ci/run installs it and sets LENDING_CI=true, which makes it mandatory.
 */
class LibreOfficeOpensReportTest {

    private static final Path OUT = Path.of("target", "reports");

    @Test
    void libreOfficeLoadsAndPrintsEveryReport() throws Exception {
        String soffice = findOnPath("soffice");
        if (soffice == null && "true".equals(System.getenv("LENDING_CI"))) {
            throw new AssertionError("LibreOffice (soffice) is required in CI; .ci/run should have installed it");
        }
        assumeTrue(soffice != null, "LibreOffice (soffice) is not on the PATH: install libreoffice-calc-nogui to run "
                + "this check (.ci/run does)");
        Files.createDirectories(OUT);
        List<String> files = new ArrayList<>();
        for (String name : WorkedCases.names()) {
            CreditReport report = ReportWorkbook.SERVICE.report(WorkedCases.load(name), List.of());
            files.add(write(report, report.fileName()));
        }
        files.add(write(ReportWorkbook.SERVICE.report(WorkedCases.mutate("3-retail-store", t -> {
            t.remove("balanceSheet");
            t.remove("profitAndLoss");
        }), List.of()), "credit-report-incomplete.xlsx"));

        Path profile = Files.createTempDirectory("lo-profile");
        List<String> command = new ArrayList<>(List.of(soffice, "--headless", "--norestore", "--nolockcheck",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf", "--outdir", OUT.toString()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("libreoffice.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished in time").isTrue();
        String log = Files.readString(OUT.resolve("libreoffice.log"));
        assertThat(log).doesNotContainIgnoringCase("error");
        for (String file : files) {
            Path pdf = OUT.resolve(Path.of(file).getFileName().toString().replace(".xlsx", ".pdf"));
            assertThat(pdf).as("PDF of %s (LibreOffice log: %s)", file, log).exists();
            assertThat(Files.size(pdf)).isGreaterThan(5_000);
        }
    }

    private static String write(CreditReport report, String name) throws Exception {
        Path file = OUT.resolve(name);
        Files.write(file, report.content());
        return file.toString();
    }

    private static String findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
