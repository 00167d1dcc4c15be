package cn.smartfactory.lending.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * How staff are treated for every command of the engine and the webapps, listed in
 * {@code src/test/resources/controls/staff-commands.txt}: an engine upgrade that adds or renames a
 * command fails here until someone has looked at it. Regenerate with
 * {@code -Dcontrols.regenerate=true} and review the difference.
 */
class CommandPolicyTest {

    private static final Path LIST = Path.of("src/test/resources/controls/staff-commands.txt");

    @Test
    void everyEngineCommandIsClassifiedAsCommitted() throws IOException {
        String generated = String.join("\n", classification()) + "\n";
        if (Boolean.getBoolean("controls.regenerate")) {
            Files.createDirectories(LIST.getParent());
            Files.writeString(LIST, generated, StandardCharsets.UTF_8);
        }
        assertThat(generated).isEqualTo(Files.readString(LIST, StandardCharsets.UTF_8));
    }

    @Test
    void noCommandThatChangesProcessesIsARead() {
        List<String> reads = classification().stream().filter(line -> line.startsWith("READ ")).toList();
        assertThat(reads).noneMatch(line -> line.matches(
                "READ .*[.$](?!\\w*Query)(Set|Delete|Remove|Modify|Start|Complete|Correlate|Signal|Save|Update|Create|Execute(?!Filter|Duration)|Restart|Migrate|Suspend|Activate|Unlock|Resolve|Claim|Assign|Delegate|Submit|DeployCmd|Purge|Handle)\\w*"));
        assertThat(reads).contains("READ org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd");
    }

    @Test
    void staffActionsAreExactlyThoseOfDailyWork() {
        assertThat(classification().stream().filter(line -> line.startsWith("STAFF_ACTION ")).map(line -> line.substring(line.lastIndexOf('.') + 1)))
                .containsExactlyInAnyOrderElementsOf(CommandPolicy.STAFF_ACTIONS);
    }

    /** "KIND class" for every concrete command class on the classpath under org.camunda.bpm, sorted. */
    static List<String> classification() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Command.class));
        TreeSet<String> lines = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.camunda.bpm")) {
            Class<?> type;
            try {
                type = Class.forName(definition.getBeanClassName(), false, CommandPolicyTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (Modifier.isAbstract(type.getModifiers()) || type.getName().contains(".test.")) {
                continue;
            }
            lines.add(kind(type) + " " + type.getName());
        }
        return new ArrayList<>(lines);
    }

    private static CommandPolicy.Kind kind(Class<?> type) {
        if (AbstractQuery.class.isAssignableFrom(type)) {
            return CommandPolicy.Kind.READ;
        }
        return CommandPolicy.classifyName(CommandPolicy.name(type));
    }
}
