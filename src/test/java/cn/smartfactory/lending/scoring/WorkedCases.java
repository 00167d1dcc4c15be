package cn.smartfactory.lending.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.smartfactory.lending.investigation.InvestigationRecord;

/** The six worked borrowers of docs/risk-model.md, read from docs/worked-cases so docs and tests share one input. */
public final class WorkedCases {

    public static final Path DIR = Path.of("docs", "worked-cases");
    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private WorkedCases() {
    }

    public static InvestigationRecord load(String name) {
        try {
            return JSON.readValue(DIR.resolve(name + ".json").toFile(), InvestigationRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worked case changed through its JSON, the way a client would send it. */
    public static InvestigationRecord mutate(String name, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        try {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(DIR.resolve(name + ".json").toFile());
            change.accept(tree);
            return JSON.treeToValue(tree, InvestigationRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
