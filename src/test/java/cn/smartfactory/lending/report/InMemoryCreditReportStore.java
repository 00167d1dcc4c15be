package cn.smartfactory.lending.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The credit-report store of the plain process tests. */
public class InMemoryCreditReportStore implements CreditReportStore {

    private final List<StoredReport> reports = new ArrayList<>();

    @Override
    public synchronized String store(String applicationId, String processInstanceId, String fileName, byte[] content) {
        String sha = cn.smartfactory.lending.common.Sha256.of(content);
        reports.add(new StoredReport(applicationId, fileName, sha, content.clone()));
        return sha;
    }

    @Override
    public synchronized Optional<StoredReport> latest(String applicationId) {
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (reports.get(i).applicationId().equals(applicationId)) {
                return Optional.of(reports.get(i));
            }
        }
        return Optional.empty();
    }
}
