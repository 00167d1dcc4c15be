package cn.smartfactory.lending.controls;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Deploying a diagram is running code: an expression or listener in it runs with the engine's
 * access. The engine accepts a deployment only when every diagram and table in it passes this check,
 * whoever deploys (Modeler's button, REST, the platform's own start-up): expressions are variable
 * comparisons and arithmetic ({@link ExpressionAllowlist}); delegates and listeners are the
 * platform's registered beans by {@code ${name}}; no Java class, script, connector, external
 * resource or call to a Java function from FEEL. A refusal names the resource, the element and the
 * rule, and nothing of the deployment is stored.
 */
final class DeploymentAllowlist implements Deployer {

    /** Attributes that name Java to run. */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "resource");
    /** Attributes that must be a platform bean. */
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
    /** Elements that carry code. */
    private static final Set<String> CODE_ELEMENTS = Set.of("scriptTask", "script", "connector");

    private final Supplier<Set<String>> beans;

    DeploymentAllowlist(Supplier<Set<String>> beans) {
        this.beans = beans;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // already accepted once; reloading the cache must not fail
        }
        List<String> problems = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName().toLowerCase(Locale.ROOT);
            // The engine's own suffixes, without the dot (BpmnDeployer, DecisionDefinitionDeployer, CmmnDeployer).
            if (name.endsWith("bpmn") || name.endsWith("bpmn20.xml") || name.endsWith("dmn") || name.endsWith("dmn11.xml")) {
                problems.addAll(problems(resource.getName(), resource.getBytes(), beans.get()));
            } else if (name.endsWith("cmmn") || name.endsWith("cmmn11.xml") || name.endsWith("cmmn10.xml") || name.endsWith(".js")
                    || name.endsWith(".groovy") || name.endsWith(".py") || name.endsWith(".rb") || name.endsWith(".class")
                    || name.endsWith(".jar")) {
                problems.add(resource.getName() + ": 平台不接受此类资源 / the platform does not accept this kind of resource");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("部署被拒绝 Deployment refused: " + String.join("; ", problems));
        }
    }

    static List<String> problems(String resource, byte[] xml, Set<String> beans) {
        List<String> problems = new ArrayList<>();
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            problems.add(resource + ": 不是有效的 XML / not valid XML (" + e.getMessage() + ")");
            return problems;
        }
        String lower = resource.toLowerCase(Locale.ROOT);
        boolean dmn = lower.endsWith("dmn") || lower.endsWith("dmn11.xml");
        walk(resource, root, null, beans, dmn, problems);
        return problems;
    }

    private static void walk(String resource, Element element, String owner, Set<String> beans, boolean dmn,
                             List<String> problems) {
        String id = element.getAttribute("id");
        String where = resource + " " + (id.isEmpty() ? (owner == null ? element.getLocalName() : owner) : id);
        String tag = element.getLocalName();
        if (CODE_ELEMENTS.contains(tag)) {
            problems.add(where + ": 不允许脚本或连接器 <" + tag + "> / no scripts or connectors");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
            Attr attribute = (Attr) attributes.item(a);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            boolean camunda = isCamunda(attribute) || isCamunda(element);
            if ("type".equals(name) && isCamunda(attribute) && !"external".equals(value)) {
                problems.add(where + ": 不允许 camunda:type=\"" + value + "\"(shell、mail 等会运行代码)/ no camunda:type " + value
                        + " (shell, mail and the like run code)");
            } else if (CLASS_ATTRIBUTES.contains(name) && camunda) {
                problems.add(where + ": 不允许 " + name + "=\"" + value + "\",请使用平台组件 / no " + name
                        + ": use a platform component by ${name}");
            } else if (DELEGATE_ATTRIBUTES.contains(name) && camunda) {
                ExpressionAllowlist.checkDelegate(value, beans).ifPresent(p -> problems.add(where + " " + name + ": " + p));
            } else if (!dmn && "language".equals(name)) {
                problems.add(where + ": 不允许脚本条件(language=" + value + ")/ no script conditions (language=" + value + ")");
            } else if (dmn && "expressionLanguage".equals(name) && !value.toLowerCase(Locale.ROOT).contains("feel")) {
                problems.add(where + ": 只允许 FEEL,不允许 " + value + " / only FEEL is allowed, not " + value);
            } else {
                ExpressionAllowlist.check(value).ifPresent(p -> problems.add(where + " " + name + ": " + p));
            }
        }
        // The engine joins an element's text pieces (split by comments or CDATA) into one; so does the check.
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(resource, e, id.isEmpty() ? owner : id, beans, dmn, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (dmn) {
            feel(text.toString()).ifPresent(p -> problems.add(where + ": " + p));
        } else {
            ExpressionAllowlist.check(text.toString()).ifPresent(p -> problems.add(where + ": " + p));
        }
    }

    /** FEEL cannot reach Java except through an external function definition. */
    private static Optional<String> feel(String text) {
        if (text != null && text.contains("external") && text.contains("java")) {
            return Optional.of("FEEL 不允许调用 Java 函数 / FEEL may not call Java functions (external)");
        }
        return Optional.empty();
    }

    private static boolean isCamunda(Attr attribute) {
        return attribute.getNamespaceURI() != null && attribute.getNamespaceURI().contains("camunda");
    }

    /** Camunda's own elements (listeners, fields) carry their code attributes without a prefix. */
    private static boolean isCamunda(Element element) {
        return element.getNamespaceURI() != null && element.getNamespaceURI().contains("camunda");
    }
}
