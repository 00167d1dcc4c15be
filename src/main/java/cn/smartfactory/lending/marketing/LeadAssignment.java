package cn.smartfactory.lending.marketing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.smartfactory.lending.decision.DecisionRules;

/**
 * Assigns leads to account managers with the {@code lead-assignment} table: the table ranks each
 * active account manager for the lead's region and industry (1 best, 0 never); the lead goes to the
 * best rank and, among equals, to the manager with the fewest open leads, then by user id. The table
 * is evaluated once per region, industry and manager, so a 100,000-name list costs a few dozen
 * evaluations.
 */
public class LeadAssignment {

    public static final String TABLE = "lead-assignment";

    /** Who gets the lead, and why (the table's reason). */
    public record Assignment(String accountManager, int rank, String reasonZh, String reasonEn) {
    }

    private final DecisionRules rules;

    public LeadAssignment(DecisionRules rules) {
        this.rules = rules;
    }

    /** A round of assignments over the given managers, starting from their current open leads. */
    public Round round(List<AccountManagerProfile> managers, Map<String, Integer> openLeads) {
        return new Round(managers, openLeads);
    }

    public final class Round {

        private final List<AccountManagerProfile> managers;
        private final Map<String, Integer> load = new HashMap<>();
        private final Map<String, Map<String, Object>> fit = new HashMap<>();

        private Round(List<AccountManagerProfile> managers, Map<String, Integer> openLeads) {
            this.managers = managers.stream().filter(AccountManagerProfile::active)
                    .sorted(Comparator.comparing(AccountManagerProfile::userId)).toList();
            this.managers.forEach(m -> load.put(m.userId(), openLeads.getOrDefault(m.userId(), 0)));
        }

        /** The bank's own customer stays with the account manager who serves them. */
        public Assignment keep(String accountManager) {
            load.merge(accountManager, 1, Integer::sum);
            return new Assignment(accountManager, 1, "原管户客户经理", "The customer's own account manager");
        }

        /** The manager for a lead in this region and industry (counted as one more open lead), or empty when none fits. */
        public Optional<Assignment> assign(String region, String industry) {
            Assignment best = null;
            int bestLoad = Integer.MAX_VALUE;
            for (AccountManagerProfile manager : managers) {
                Map<String, Object> result = fit.computeIfAbsent(region + "|" + industry + "|" + manager.userId(),
                        k -> rules.evaluateSingle(TABLE, Map.of("leadRegion", region, "leadIndustry", industry,
                                "manager", manager.userId(), "sameRegion", region.equals(manager.region()),
                                "servesIndustry", manager.serves(industry))));
                int rank = ((Number) result.get("rank")).intValue();
                if (rank <= 0) {
                    continue;
                }
                int managerLoad = load.get(manager.userId());
                if (best == null || rank < best.rank() || (rank == best.rank() && managerLoad < bestLoad)) {
                    best = new Assignment(manager.userId(), rank, (String) result.get("reasonZh"), (String) result.get("reasonEn"));
                    bestLoad = managerLoad;
                }
            }
            if (best != null) {
                load.merge(best.accountManager(), 1, Integer::sum);
            }
            return Optional.ofNullable(best);
        }
    }
}
