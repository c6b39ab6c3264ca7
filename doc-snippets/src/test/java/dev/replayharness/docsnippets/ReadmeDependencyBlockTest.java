package dev.replayharness.docsnippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The README's dependency block is the one a consumer project builds with (consumers/junit6-direct-harness-first,
 * which .ci/run records and replays with), so the block is enough for the example after it.
 */
@DisplayName("The README's dependency block")
class ReadmeDependencyBlockTest {

    static final Path ROOT = RepositoryRoot.find();
    static final String CONSUMER = "consumers/junit6-direct-harness-first/pom.xml";

    @Test
    @DisplayName("declares what " + CONSUMER + " declares: harness-bom, harness-junit, JUnit, AssertJ, Surefire 3.x")
    void isTheConsumersBlock() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("## Using the harness in your own tests");
        int start = readme.indexOf("```xml\n", section) + "```xml\n".length();
        String block = readme.substring(start, readme.indexOf("\n```", start));
        String version =
                HarnessBomTest.text(HarnessBomTest.xml(ROOT.resolve("pom.xml")).getDocumentElement(), "version");

        List<String> documented = coordinates(parse("<project>" + block + "</project>"), version);
        List<String> consumer = coordinates(parse(Files.readString(ROOT.resolve(CONSUMER))), version);

        assertThat(documented)
                .contains(
                        "managed dev.replayharness:harness-bom:" + version + ":pom:import",
                        "plugin org.apache.maven.plugins:maven-surefire-plugin:3.5.4")
                .isEqualTo(consumer);
    }

    /** The managed and declared dependencies and the Surefire plugin, in order, with ${harness.version} resolved. */
    private static List<String> coordinates(Element project, String version) {
        List<String> all = new ArrayList<>();
        for (Element management : children(project, "dependencyManagement")) {
            for (Element dependency : dependencies(management)) {
                all.add("managed " + coordinate(dependency, version));
            }
        }
        for (Element dependency : dependencies(project)) {
            all.add(coordinate(dependency, version));
        }
        for (Element build : children(project, "build")) {
            for (Element plugins : children(build, "plugins")) {
                for (Element plugin : children(plugins, "plugin")) {
                    if ("maven-surefire-plugin".equals(HarnessBomTest.text(plugin, "artifactId"))) {
                        all.add("plugin " + HarnessBomTest.text(plugin, "groupId") + ":maven-surefire-plugin:"
                                + HarnessBomTest.text(plugin, "version"));
                    }
                }
            }
        }
        return all;
    }

    private static List<Element> dependencies(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Element dependencies : children(parent, "dependencies")) {
            found.addAll(children(dependencies, "dependency"));
        }
        return found;
    }

    private static String coordinate(Element dependency, String version) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("groupId", "artifactId", "version", "type", "scope")) {
            String value = HarnessBomTest.text(dependency, field);
            if (value != null) {
                text.append(text.length() == 0 ? "" : ":").append(value.replace("${harness.version}", version));
            }
        }
        return text.toString();
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
