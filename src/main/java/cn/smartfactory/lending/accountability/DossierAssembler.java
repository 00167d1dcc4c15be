package cn.smartfactory.lending.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.smartfactory.lending.accountability.Dossier.Sla;
import cn.smartfactory.lending.approval.ApprovalAuthority;
import cn.smartfactory.lending.approval.ApprovalRoute.Route;
import cn.smartfactory.lending.monitoring.LoanRecord;
import cn.smartfactory.lending.record.RecordEntry;
import cn.smartfactory.lending.record.RecordEntry.Duty;

/**
 * Assembles the dossier and each officer's facts from what the platform recorded: the decision record's
 * entries (in order), the task facts of the loan's origination and monitoring (created, due, done) and the
 * loan's events. A plain computation, so a hand-built history gives a dossier worked out by hand.
 */
final class DossierAssembler {

    static final String MONITORING_PROCESS = "post-loan-monitoring";
    static final String CHECK_STATION = "Task_PeriodicCheck";
    static final String WARNING_STATION = "Task_HandleWarning";

    /** One human task as the task facts hold it. */
    record TaskTiming(String taskId, String processKey, String station, String stationName, String officer, Instant createdAt,
                      Instant dueAt, Instant endedAt, String endKind, Boolean onTime) {
    }

    /** One loan event as received. */
    record EventRow(String eventId, String type, LocalDate occurredOn, Instant receivedAt) {
    }

    /** The dossier and the facts each officer is judged on. */
    record Assembled(Dossier dossier, List<OfficerFacts> officers) {
    }

    private final ApprovalAuthority authority;

    DossierAssembler(ApprovalAuthority authority) {
        this.authority = authority;
    }

    Assembled assemble(String reviewId, String trigger, LoanRecord loan, List<RecordEntry> entries, List<TaskTiming> tasks,
                       List<EventRow> events, Instant now) {
        Map<String, TaskTiming> byTask = new HashMap<>();
        tasks.forEach(t -> byTask.put(t.taskId(), t));
        Map<String, RecordEntry> entryByTask = new HashMap<>();
        entries.stream().filter(e -> e.taskId() != null).forEach(e -> entryByTask.put(e.taskId(), e));

        List<Dossier.Step> timeline = new ArrayList<>();
        for (RecordEntry e : entries) {
            TaskTiming t = e.taskId() == null ? null : byTask.get(e.taskId());
            Sla sla = t == null ? (RecordEntry.PLATFORM.equals(e.actor()) ? Sla.AUTOMATIC : Sla.NO_DEADLINE) : sla(t, now);
            timeline.add(new Dossier.Step(e.step(), t == null ? e.step() : t.stationName(), e.duty().name(), e.actor(),
                    e.actorRoles(), t == null ? e.recordedAt() : t.createdAt(), t == null ? null : t.dueAt(),
                    t == null || t.endedAt() == null ? e.recordedAt() : t.endedAt(), sla, e.decision(), e.amount(), e.opinion()));
        }

        int lastScoring = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).duty() == Duty.SCORING) {
                lastScoring = i;
            }
        }
        RecordEntry scoring = lastScoring < 0 ? null : entries.get(lastScoring);
        Map<String, String> scored = details(scoring == null ? null : scoring.details());
        List<String[]> flags = new ArrayList<>();
        for (String flag : split(scored.get("flags"))) {
            String[] parts = flag.split(":");
            flags.add(new String[] {parts[0], parts.length > 1 ? parts[1] : "SOFT"});
        }
        boolean hardFlag = flags.stream().anyMatch(f -> f[1].equals("HARD"));
        List<RecordEntry> decided = lastScoring < 0 ? List.of() : entries.subList(lastScoring + 1, entries.size());
        List<RecordEntry> approvals = decided.stream().filter(e -> e.duty() == Duty.APPROVAL && e.decision() != null
                && e.decision().startsWith("APPROVE")).toList();
        List<RecordEntry> approvingVotes = decided.stream().filter(e -> e.duty() == Duty.COMMITTEE_VOTE
                && "APPROVE".equals(e.decision())).toList();
        List<RecordEntry> signatories = new ArrayList<>(approvals);
        signatories.addAll(approvingVotes);

        List<Dossier.FlagAnswer> flagAnswers = new ArrayList<>();
        for (String[] f : flags) {
            List<String> answered = new ArrayList<>();
            List<String> notAnswered = new ArrayList<>();
            for (RecordEntry s : signatories) {
                (names(s.opinion(), f[0]) ? answered : notAnswered).add(s.actor());
            }
            flagAnswers.add(new Dossier.FlagAnswer(f[0], f[1], answered, notAnswered));
        }

        String conditions = null;
        for (RecordEntry a : approvals) {
            String c = details(a.details()).get("approvalConditions");
            if (c != null && !c.isBlank()) {
                conditions = c;
            }
        }
        RecordEntry contract = entries.stream().filter(e -> e.duty() == Duty.CONTRACT && "SIGNED".equals(e.decision()))
                .reduce((a, b) -> b).orElse(null);
        Boolean fulfilled = contract == null || conditions == null ? null
                : Boolean.valueOf(details(contract.details()).getOrDefault("conditionsFulfilled", "false"));
        String suggestion = scoring == null ? null : scoring.decision();
        BigDecimal suggested = scoring == null ? null : scoring.amount();
        Dossier.ModelAgainstDecision model = new Dossier.ModelAgainstDecision(scoring == null ? null : scoring.score(),
                scoring == null ? loan.grade() : scoring.grade(), suggestion, suggested, scoring == null ? null : scoring.route(),
                loan.approvedAmount(), "DECLINE".equals(suggestion), suggested != null && loan.approvedAmount().compareTo(suggested) > 0,
                conditions, fulfilled);

        List<String> investigators = new ArrayList<>(new LinkedHashSet<>(concat(
                entries.stream().filter(e -> e.duty() == Duty.INVESTIGATION).map(RecordEntry::actor).toList(), split(loan.investigators()))));
        Integer salesEstimates = scored.containsKey("salesEstimates") ? Integer.valueOf(scored.get("salesEstimates")) : null;
        Dossier.Investigation investigation = new Dossier.Investigation(investigators, salesEstimates,
                scored.getOrDefault("knockouts", ""), scored.get("binding"));

        List<Dossier.Vote> votes = entries.stream().filter(e -> e.duty() == Duty.COMMITTEE_VOTE)
                .map(e -> new Dossier.Vote(e.actor(), e.decision(), e.recordedAt(), e.opinion())).toList();

        List<Dossier.Check> checks = new ArrayList<>();
        tasks.stream().filter(t -> MONITORING_PROCESS.equals(t.processKey()) && CHECK_STATION.equals(t.station()))
                .sorted((a, b) -> compare(a.dueAt() == null ? a.createdAt() : a.dueAt(), b.dueAt() == null ? b.createdAt() : b.dueAt()))
                .forEach(t -> {
                    RecordEntry done = entryByTask.get(t.taskId());
                    checks.add(new Dossier.Check(t.taskId(), t.dueAt(), t.endedAt(), t.officer(), sla(t, now),
                            done == null ? null : done.decision()));
                });

        List<EventRow> warningEvents = events.stream().filter(e -> !"REPAID_IN_FULL".equals(e.type()))
                .sorted((a, b) -> compare(a.receivedAt(), b.receivedAt())).toList();
        List<TaskTiming> warningTasks = tasks.stream().filter(t -> MONITORING_PROCESS.equals(t.processKey())
                && WARNING_STATION.equals(t.station())).sorted((a, b) -> compare(a.createdAt(), b.createdAt())).toList();
        List<Dossier.Warning> warnings = new ArrayList<>();
        for (int i = 0; i < warningEvents.size(); i++) {
            EventRow e = warningEvents.get(i);
            TaskTiming t = i < warningTasks.size() ? warningTasks.get(i) : null;
            RecordEntry handled = t == null ? null : entryByTask.get(t.taskId());
            warnings.add(new Dossier.Warning(e.eventId(), e.type(), e.occurredOn(), e.receivedAt(), t == null ? null : t.dueAt(),
                    t == null ? null : t.endedAt(), t == null ? null : t.officer(), t == null ? Sla.NO_DEADLINE : sla(t, now),
                    handled == null ? null : handled.decision()));
        }

        List<Dossier.Action> collection = entries.stream().filter(e -> e.duty() == Duty.COLLECTION || e.duty() == Duty.WRITE_OFF_DECISION)
                .map(e -> new Dossier.Action(e.step(), e.actor(), e.recordedAt(), e.decision(), e.details())).toList();

        Dossier dossier = new Dossier(reviewId, loan, trigger, now, timeline, investigation, flagAnswers, model, votes, checks,
                warnings, collection);
        return new Assembled(dossier, facts(dossier, approvals, approvingVotes, contract, flags, hardFlag, scoring));
    }

    private List<OfficerFacts> facts(Dossier d, List<RecordEntry> approvals, List<RecordEntry> votes, RecordEntry contract,
                                     List<String[]> flags, boolean hardFlag, RecordEntry scoring) {
        List<OfficerFacts> facts = new ArrayList<>();
        Integer sales = d.investigation().salesEstimates();
        for (String investigator : d.investigation().investigators()) {
            facts.add(new OfficerFacts(investigator, "INVESTIGATOR", sales == null ? -1 : sales, 0, false, false, 0, 0,
                    sales == null ? "记录中无独立销售来源数 the record holds no count of sales sources"
                            : "独立销售来源 " + sales + " 个 independent sales sources: " + sales));
        }
        List<String> hardCodes = flags.stream().filter(f -> f[1].equals("HARD")).map(f -> f[0]).toList();
        for (RecordEntry a : approvals) {
            List<String> unanswered = hardCodes.stream().filter(code -> !names(a.opinion(), code)).toList();
            Map<String, String> details = details(a.details());
            Route used = Route.valueOf(a.route() == null ? "CREDIT_COMMITTEE" : a.route());
            String level = details.get("signedAloneLevel");
            Route effective = details.containsKey("signedAloneReason") ? Route.SINGLE_APPROVER : used;
            BigDecimal amount = a.amount() == null ? d.loan().approvedAmount() : a.amount();
            Route needed = authority.route(amount, scoring == null ? d.loan().grade() : scoring.grade(), d.loan().product(), hardFlag,
                    flags.size(), false, level).route();
            boolean above = needed.ordinal() > effective.ordinal();
            facts.add(new OfficerFacts(a.actor(), "APPROVER", 0, unanswered.size(), above, false, 0, 0,
                    "批准 " + plain(amount) + ",路径 route " + effective + ",所需 needed " + needed
                            + (unanswered.isEmpty() ? "" : ";意见未回应的硬性预警 hard flags the opinion does not name: "
                            + String.join(", ", unanswered))));
        }
        for (RecordEntry v : votes) {
            List<String> unanswered = hardCodes.stream().filter(code -> !names(v.opinion(), code)).toList();
            facts.add(new OfficerFacts(v.actor(), "COMMITTEE_MEMBER", 0, unanswered.size(), false, false, 0, 0,
                    "投票同意 voted to approve" + (unanswered.isEmpty() ? "" : ";意见未回应的硬性预警 hard flags the opinion does not name: "
                            + String.join(", ", unanswered))));
        }
        if (contract != null) {
            boolean unfulfilled = Boolean.FALSE.equals(d.model().conditionsFulfilledAtSigning());
            facts.add(new OfficerFacts(contract.actor(), "OPERATIONS", 0, 0, false, unfulfilled, 0, 0,
                    d.model().conditions() == null ? "审批无附加条件 the approval set no conditions"
                            : "条件 conditions: " + d.model().conditions() + ";签约时已落实 fulfilled at signing: "
                            + (unfulfilled ? "否 no" : "是 yes")));
        }
        Map<String, int[]> monitoring = new LinkedHashMap<>();
        Map<String, List<String>> monitoringEvidence = new LinkedHashMap<>();
        String am = d.loan().accountManager();
        monitoring.put(am, new int[2]);
        monitoringEvidence.put(am, new ArrayList<>());
        for (Dossier.Check c : d.checks()) {
            String who = c.sla() == Sla.OPEN_LATE ? am : c.officer();
            if (who == null) {
                continue;
            }
            monitoring.computeIfAbsent(who, k -> new int[2]);
            List<String> evidence = monitoringEvidence.computeIfAbsent(who, k -> new ArrayList<>());
            if (c.sla() == Sla.LATE || c.sla() == Sla.OPEN_LATE) {
                monitoring.get(who)[0]++;
                evidence.add((c.sla() == Sla.LATE ? "检查逾时完成 check done late" : "检查未做 check missed") + " (" + c.dueAt() + ")");
            }
        }
        for (Dossier.Warning w : d.warnings()) {
            String who = w.sla() == Sla.OPEN_LATE ? am : w.handledBy();
            if (who == null) {
                continue;
            }
            monitoring.computeIfAbsent(who, k -> new int[2]);
            List<String> evidence = monitoringEvidence.computeIfAbsent(who, k -> new ArrayList<>());
            if (w.sla() == Sla.LATE || w.sla() == Sla.OPEN_LATE) {
                monitoring.get(who)[1]++;
                evidence.add((w.sla() == Sla.LATE ? "预警逾时处置 warning handled late" : "预警逾时未处置 warning still open")
                        + " " + w.type() + " (" + w.dueAt() + ")");
            }
        }
        monitoring.forEach((officer, counts) -> facts.add(new OfficerFacts(officer, "MONITORING", 0, 0, false, false, counts[0],
                counts[1], monitoringEvidence.get(officer).isEmpty() ? "检查与预警均按时 checks and warnings on time"
                        : String.join(";", monitoringEvidence.get(officer)))));
        return facts;
    }

    static Sla sla(TaskTiming t, Instant now) {
        if ("DELETED".equals(t.endKind())) {
            return Sla.CANCELLED;
        }
        if (t.endKind() == null) {
            return t.dueAt() != null && t.dueAt().isBefore(now) ? Sla.OPEN_LATE : Sla.OPEN;
        }
        if (t.dueAt() == null || t.onTime() == null) {
            return Sla.NO_DEADLINE;
        }
        return t.onTime() ? Sla.ON_TIME : Sla.LATE;
    }

    /** Whether an opinion answers a flag: it names the flag's code, as the approval screen shows it. */
    static boolean names(String opinion, String code) {
        return opinion != null && opinion.toUpperCase(Locale.ROOT).contains(code.toUpperCase(Locale.ROOT));
    }

    /** The record's "key=value; key=value" details. */
    static Map<String, String> details(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String part : text.split("; ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                map.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return map;
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int compare(Instant a, Instant b) {
        return a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "—" : amount.stripTrailingZeros().toPlainString();
    }
}
