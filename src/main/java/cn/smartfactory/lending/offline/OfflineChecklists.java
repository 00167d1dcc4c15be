package cn.smartfactory.lending.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.common.Decimals;
import cn.smartfactory.lending.decision.CachingFeelEngine;
import cn.smartfactory.lending.forms.FormRules;
import cn.smartfactory.lending.forms.FormSchema;
import cn.smartfactory.lending.identity.CurrentStaff;
import cn.smartfactory.lending.identity.Role;
import cn.smartfactory.lending.investigation.InvestigationValidator;
import cn.smartfactory.lending.investigation.Violation;
import cn.smartfactory.lending.origination.InvestigationVariables;
import cn.smartfactory.lending.scoring.RiskEngine;

/**
 * The offline checklist of a loan's open investigation: the workbook to download, and the upload that completes the
 * task. The upload goes through the same server checks as Tasklist — the form's rules (required, ranges, choices,
 * sections shown), the investigation check and, on completion, every listener of the task (segregation of duties, the
 * engine's authorizations as the investigator) — and a refusal names each problem's sheet and cell. Nothing is stored
 * unless the task completes.
 */
@Service
public class OfflineChecklists {

    /** The tasks that show the industry checklist form. */
    static final Set<String> TASKS = Set.of("Task_InvestigateOnSite", "Task_SupplementInvestigation");

    /** A refusal: 400 for what the workbook says, 403 for who may not, 404 for no open investigation. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final List<Map<String, String>> problems;

        Refused(int status, String message, List<Map<String, String>> problems) {
            super(message);
            this.status = status;
            this.problems = problems;
        }

        public int status() {
            return status;
        }

        public List<Map<String, String>> problems() {
            return problems;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CachingFeelEngine FEEL = new CachingFeelEngine();

    private final TaskService tasks;
    private final FormService formService;
    private final IdentityService identity;
    private final FormRules forms;
    private final InvestigationVariables variables;
    private final InvestigationValidator validator;
    private final CurrentStaff staff;

    public OfflineChecklists(TaskService tasks, FormService formService, IdentityService identity, FormRules forms,
                             InvestigationVariables variables, @Qualifier("unrecordedRiskEngine") RiskEngine riskEngine,
                             CurrentStaff staff) {
        this.tasks = tasks;
        this.formService = formService;
        this.identity = identity;
        this.forms = forms;
        this.variables = variables;
        this.validator = riskEngine.validator();
        this.staff = staff;
    }

    /** Refuses (403, 404) unless the caller is an investigator who holds the open investigation or may take it. */
    public void checkAccess(String applicationId) {
        openTask(applicationId);
    }

    /** The workbook of the application's open investigation, for the investigator who holds it or may take it. */
    public byte[] download(String applicationId) {
        Task task = openTask(applicationId);
        Map<String, Object> current = staff.asPlatform(() -> tasks.getVariables(task.getId()));
        JsonNode form = form(task.getId());
        return ChecklistWorkbook.write(form, hide -> hidden(hide, current), heading(applicationId, task, current), current,
                applicationId);
    }

    /**
     * Completes the application's open investigation with the uploaded workbook, or refuses naming sheet and cell. One
     * transaction: a refusal on completion also undoes the claim, so nothing of a refused upload is kept.
     */
    @org.springframework.transaction.annotation.Transactional
    public String upload(String applicationId, byte[] workbook) {
        Task task = openTask(applicationId);
        String user = identity.getCurrentAuthentication().getUserId();
        JsonNode form = form(task.getId());
        ChecklistWorkbook.Upload upload = ChecklistWorkbook.read(form, workbook);
        if (!upload.unreadable().isEmpty()) {
            throw refused(upload.unreadable(), upload.cells());
        }
        if (!applicationId.equals(upload.applicationId())) {
            // A workbook filled for one borrower must never complete another's investigation.
            throw new Refused(400, "该清单属于申请 " + (upload.applicationId() == null ? "(未知)" : upload.applicationId())
                    + ",不是 " + applicationId + ",请上传从本申请下载的清单 / The workbook belongs to application "
                    + (upload.applicationId() == null ? "(unknown)" : upload.applicationId()) + ", not " + applicationId
                    + "; upload the checklist downloaded for this application", List.of());
        }
        Map<String, Object> current = staff.asPlatform(() -> tasks.getVariables(task.getId()));
        FormSchema.Submission submission = forms.checkTaskSubmission(task.getId(), upload.values(), current);
        if (submission.refused()) {
            throw refused(submission.violations(), upload.cells());
        }
        Map<String, Object> merged = new HashMap<>(current);
        merged.putAll(submission.accepted());
        Set<String> bureau = InvestigationVariables.bureauKeys();
        Map<String, String> labels = new HashMap<>(forms.startFormLabels(task.getProcessDefinitionId()));
        labels.putAll(forms.taskFormLabels(task.getId()));
        List<Violation> problems = variables.problems(merged, validator).stream()
                .filter(v -> !bureau.contains(v.field()))
                .map(v -> v.labelled(InvestigationVariables.label(v.field(), labels))).toList();
        if (!problems.isEmpty()) {
            throw refused(problems, upload.cells());
        }
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            tasks.complete(task.getId(), Variables.fromMap(submission.accepted()));
        } catch (org.camunda.bpm.engine.AuthorizationException e) {
            throw new Refused(403, "无权办理该任务 / Not authorized to work this task: " + Violation.inert(e.getMessage()), List.of());
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
            throw new Refused(409, "该任务已被他人同时办理,请刷新 / The task was worked by someone else at the same time", List.of());
        } catch (ProcessEngineException e) {
            // A listener's refusal (segregation of duties, say) or the engine's: said as it is; the transaction undoes
            // the claim, so nothing is kept.
            throw new Refused(400, Violation.inert(rootMessage(e)), List.of());
        }
        return task.getId();
    }

    /**
     * The open investigation task of the application, if the caller is an investigator who holds it or may take it.
     */
    private Task openTask(String applicationId) {
        var auth = identity.getCurrentAuthentication();
        if (auth == null || !staff.inAnyOf(Role.INVESTIGATORS)) {
            throw new Refused(403, "仅尽调岗可使用离线清单 Only investigators use the offline checklist", List.of());
        }
        List<Task> open = staff.asPlatform(() -> tasks.createTaskQuery().processInstanceBusinessKey(applicationId)
                .taskDefinitionKeyIn(TASKS.toArray(String[]::new)).active().list());
        if (open.isEmpty()) {
            throw new Refused(404, "申请 " + applicationId + " 没有待办的现场尽调 Application " + applicationId
                    + " has no open investigation", List.of());
        }
        Task task = open.get(0);
        if (task.getAssignee() != null && !task.getAssignee().equals(auth.getUserId())) {
            throw new Refused(403, "该尽调已由 " + task.getAssignee() + " 认领 The investigation is claimed by "
                    + task.getAssignee(), List.of());
        }
        return task;
    }

    private JsonNode form(String taskId) {
        return staff.asPlatform(() -> {
            try (InputStream in = formService.getDeployedTaskForm(taskId)) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("The checklist form of task " + taskId + " cannot be read", e);
            }
        });
    }

    /** Whether a section's hide condition, which reads only process variables, holds for this loan. */
    private static boolean hidden(String condition, Map<String, Object> current) {
        String expression = condition.startsWith("=") ? condition.substring(1) : condition;
        return Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(expression, Variables.fromMap(current).asVariableContext()));
    }

    /** The application's facts, each choice by its name on the application form (中文 English), not its code. */
    private List<String> heading(String applicationId, Task task, Map<String, Object> v) {
        JsonNode start = staff.asPlatform(() -> {
            try (InputStream in = formService.getDeployedStartForm(task.getProcessDefinitionId())) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("The application form cannot be read", e);
            }
        });
        Object amount = v.get("amount");
        return List.of("申请 Application " + applicationId + " · " + v.get("customerName") + " · "
                        + option(start, "industry", v.get("industry")),
                "产品 Product " + option(start, "product", v.get("product")) + " · 金额 Amount " + (amount == null ? ""
                        : Decimals.formatMoney(new BigDecimal(amount.toString()))) + " 元 · 期限 Term " + v.get("termMonths")
                        + " 月 months · 担保 Guarantee " + option(start, "guaranteeType", v.get("guaranteeType")));
    }

    /** A choice's label on the form ("零售门店 Retail store"), the value itself when the form does not list it. */
    private static String option(JsonNode form, String key, Object value) {
        if (value == null) {
            return "";
        }
        List<JsonNode> found = new ArrayList<>();
        form.findParents("key").stream().filter(c -> key.equals(c.path("key").asText())).forEach(found::add);
        for (JsonNode c : found) {
            for (JsonNode o : c.path("values")) {
                if (value.toString().equals(o.path("value").asText())) {
                    return o.path("label").asText();
                }
            }
        }
        return value.toString();
    }

    /** Each problem with its sheet and cell, 中文 then English, and as a list a client can show. */
    static Refused refused(List<Violation> violations, Map<String, String> cells) {
        List<Map<String, String>> problems = new ArrayList<>();
        List<Violation> located = new ArrayList<>();
        for (Violation v : violations) {
            String cell = cells.get(v.field());
            String label = v.label() == null ? v.field() : v.label();
            located.add(v.labelled(cell == null ? label : cellLabel(cell, label)));
            Map<String, String> problem = new java.util.LinkedHashMap<>();
            problem.put("field", v.field());
            problem.put("rule", v.rule());
            if (cell != null) {
                problem.put("cell", cell);
            }
            problem.put("label", label);
            problem.put("messageZh", v.detailZh());
            problem.put("message", v.detail());
            problems.add(problem);
        }
        return new Refused(400, Violation.refusal("离线清单未通过校验", "Offline checklist not accepted", located), problems);
    }

    /**
     * A label that carries the cell in both languages: "调查清单!C12 保证人姓名 Checklist!C12 Guarantor's name", which the
     * refusal splits into “调查清单!C12 保证人姓名” and "Checklist!C12 Guarantor's name".
     */
    static String cellLabel(String cell, String label) {
        String address = cell.substring(cell.indexOf('!') + 1);
        return "调查清单!" + address + " " + Violation.chinesePart(label) + " Checklist!" + address + " "
                + Violation.englishPart(label);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? e.getMessage() : t.getMessage();
        return message.replaceFirst("^.*?Exception while invoking TaskListener: ", "");
    }
}
