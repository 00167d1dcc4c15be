package cn.smartfactory.lending.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams as people read them in Modeler and Cockpit: every element is drawn (DI complete), every
 * conditional flow says its condition in words, and no two connectors cross.
 */
class DiagramLayoutTest {

    static Stream<Path> diagrams() throws Exception {
        return Files.list(Path.of("processes")).filter(f -> f.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyElementIsDrawn(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        List<String> drawn = new ArrayList<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));

        assertThat(drawn).as("drawn elements of %s", diagram).doesNotHaveDuplicates()
                .containsAll(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList())
                .containsAll(model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void everyConditionalFlowIsLabelled(Path diagram) {
        Collection<SequenceFlow> flows = Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(SequenceFlow.class);

        assertThat(flows.stream().filter(f -> f.getConditionExpression() != null))
                .allSatisfy(f -> assertThat(f.getName()).as("name of %s in %s", f.getId(), diagram).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("diagrams")
    void noTwoConnectorsCross(Path diagram) {
        BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
        List<BpmnEdge> edges = List.copyOf(model.getModelElementsByType(BpmnEdge.class));
        List<String> crossings = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                if (cross(points(edges.get(i)), points(edges.get(j)))) {
                    crossings.add(edges.get(i).getBpmnElement().getId() + " × " + edges.get(j).getBpmnElement().getId());
                }
            }
        }
        assertThat(crossings).as("crossing connectors in %s", diagram).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCheckSeesACrossingAndNotAJoin() {
        double[][] horizontal = {{0, 50}, {100, 50}};
        assertThat(cross(horizontal, new double[][] {{50, 0}, {50, 100}})).isTrue();
        assertThat(cross(horizontal, new double[][] {{100, 50}, {100, 0}})).as("meeting at an end").isFalse();
        assertThat(cross(horizontal, new double[][] {{0, 60}, {100, 60}})).as("parallel").isFalse();
        assertThat(cross(new double[][] {{0, 0}, {0, 40}, {200, 40}}, new double[][] {{150, 0}, {150, 100}})).isTrue();
    }

    private static double[][] points(BpmnEdge edge) {
        return edge.getWaypoints().stream().map(w -> new double[] {w.getX(), w.getY()}).toArray(double[][]::new);
    }

    /** Whether two polylines cross: a segment of one passes through a segment of the other, endpoints aside. */
    private static boolean cross(double[][] a, double[][] b) {
        for (int i = 0; i + 1 < a.length; i++) {
            for (int j = 0; j + 1 < b.length; j++) {
                if (properIntersection(a[i], a[i + 1], b[j], b[j + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean properIntersection(double[] p1, double[] p2, double[] q1, double[] q2) {
        double d1 = orientation(q1, q2, p1);
        double d2 = orientation(q1, q2, p2);
        double d3 = orientation(p1, p2, q1);
        double d4 = orientation(p1, p2, q2);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orientation(double[] a, double[] b, double[] c) {
        return Math.signum((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
    }
}
