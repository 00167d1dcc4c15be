package cn.smartfactory.lending.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.smartfactory.lending.investigation.Violation;

/**
 * Checks submitted values against the very form version Tasklist shows for the task or start
 * event (the engine's deployed form); parsed forms are cached by their content.
 */
public class FormRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormService formService;
    private final Map<String, FormSchema> byContent = new ConcurrentHashMap<>();

    public FormRules(FormService formService) {
        this.formService = formService;
    }

    public List<Violation> validateTaskForm(String taskId, Map<String, Object> values) {
        return taskSchema(taskId).validate(values);
    }

    public List<Violation> validateStartForm(String processDefinitionId, Map<String, Object> values) {
        return startSchema(processDefinitionId).validate(values);
    }

    /** One person's submission of a task's form, against the deployed form (see {@link FormSchema#checkSubmission}). */
    public FormSchema.Submission checkTaskSubmission(String taskId, Map<String, ?> submitted, Map<String, Object> current) {
        return taskSchema(taskId).checkSubmission(submitted, current);
    }

    /** The input fields of the task's deployed form, in form order. */
    public List<String> taskFormKeys(String taskId) {
        return taskSchema(taskId).keys();
    }

    /** The labels ("中文 English") of the task's deployed form, by field key. */
    public Map<String, String> taskFormLabels(String taskId) {
        return taskSchema(taskId).labels();
    }

    /** The labels ("中文 English") of the process's deployed start form, by field key. */
    public Map<String, String> startFormLabels(String processDefinitionId) {
        return startSchema(processDefinitionId).labels();
    }

    /** A start form's submission, against the deployed start form. */
    public FormSchema.Submission checkStartSubmission(String processDefinitionId, Map<String, ?> submitted) {
        return startSchema(processDefinitionId).checkSubmission(submitted, Map.of());
    }

    /** The rules of the form Tasklist shows for the task: the engine's deployed form. */
    private FormSchema taskSchema(String taskId) {
        try (InputStream in = formService.getDeployedTaskForm(taskId)) {
            return schema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form of task " + taskId, e);
        }
    }

    private FormSchema startSchema(String processDefinitionId) {
        try (InputStream in = formService.getDeployedStartForm(processDefinitionId)) {
            return schema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the start form of " + processDefinitionId, e);
        }
    }

    private FormSchema schema(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return byContent.computeIfAbsent(text, t -> {
            try {
                return FormSchema.parse(JSON.readTree(t));
            } catch (IOException e) {
                throw new UncheckedIOException("A deployed form is not valid JSON", e);
            }
        });
    }

    /**
     * A refusal on a task's completion naming the field by its label on the task's own form (which differs from
     * task to task); the field's name where the form cannot be read, so the rule is what the person sees, never
     * a failure to find a label.
     */
    public static org.camunda.bpm.engine.BadUserRequestException refusal(org.camunda.bpm.engine.delegate.DelegateTask task,
                                                                          String field, String zh, String en) {
        String label;
        try {
            label = new FormRules(task.getProcessEngineServices().getFormService()).taskFormLabels(task.getId()).get(field);
        } catch (RuntimeException unreadable) {
            label = null;
        }
        return new org.camunda.bpm.engine.BadUserRequestException(Violation.oneRule(label == null ? field : label, zh, en));
    }
}
