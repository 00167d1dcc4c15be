package cn.smartfactory.lending.controls;

import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Keeps a user task's {@code camunda:properties} on the parsed activity (the engine keeps them only
 * for external tasks), so the controls can read what the diagram says about a task, such as
 * {@value StaffActions#DECISION_PROPERTY}.
 */
final class UserTaskPropertiesParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        activity.getProperties().set(BpmnProperties.EXTENSION_PROPERTIES,
                BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement));
    }
}
