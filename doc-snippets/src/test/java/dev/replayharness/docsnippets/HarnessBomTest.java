package dev.replayharness.docsnippets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** harness-bom, the one version a user imports, stays complete and manages nothing but Replay Harness artifacts. */
@DisplayName("harness-bom")
class HarnessBomTest {

    /** Modules of the reactor that are not published for users, and why. */
    static final Map<String, String> NOT_PUBLISHED = Map.of(
            "harness-bom", "the BOM itself",
            "suite-setups", "this repository's test tooling (suites/setups)",
            "suites", "this repository's named suites",
            "bedrock-examples", "the usage guide's examples, run from the repository",
            "benchmarks", "JMH benchmarks, run on demand",
            "doc-snippets", "this module: tests only");

    static final Path ROOT = RepositoryRoot.find();

    @Test
    @DisplayName("has no parent, so importing it manages no JUnit, Jackson or other third-party version")
    void hasNoParent() throws Exception {
        Document bom = xml(ROOT.resolve("harness-bom/pom.xml"));

        assertThat(children(bom.getDocumentElement(), "parent")).isEmpty();
        assertThat(managed(bom)).allSatisfy(d -> assertThat(d.groupId).isEqualTo("dev.replayharness"));
    }

    @Test
    @DisplayName("is at the reactor's version, as is every entry it manages and every consumer project")
    void isAtTheReactorsVersion() throws Exception {
        String version = text(xml(ROOT.resolve("pom.xml")).getDocumentElement(), "version");
        Document bom = xml(ROOT.resolve("harness-bom/pom.xml"));

        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(version);
        assertThat(managed(bom)).allSatisfy(d -> assertThat(d.version).isEqualTo(version));
        try (Stream<Path> consumers = Files.list(ROOT.resolve("consumers"))) {
            List<Path> poms = consumers
                    .map(d -> d.resolve("pom.xml"))
                    .filter(Files::isRegularFile)
                    .toList();
            assertThat(poms)
                    .isNotEmpty()
                    .allSatisfy(pom -> assertThat(Files.readString(pom))
                            .as(pom + "'s harness.version")
                            .contains("<harness.version>" + version + "</harness.version>"));
        }
    }

    @Test
    @DisplayName("lists every published module of the reactor, and nothing else")
    void listsEveryPublishedModule() throws Exception {
        Set<String> published = new TreeSet<>();
        for (Element module : children(
                children(xml(ROOT.resolve("pom.xml")).getDocumentElement(), "modules")
                        .get(0),
                "module")) {
            published.add(module.getTextContent().strip());
        }
        assertThat(published).as("modules of the root pom.xml").containsAll(NOT_PUBLISHED.keySet());
        published.removeAll(NOT_PUBLISHED.keySet());

        Set<String> listed = new TreeSet<>();
        managed(xml(ROOT.resolve("harness-bom/pom.xml"))).forEach(d -> listed.add(d.artifactId));

        assertThat(listed)
                .as("harness-bom/pom.xml's artifacts: add a new published module there, or to NOT_PUBLISHED here"
                        + " with the reason")
                .isEqualTo(published);
    }

    record Managed(String groupId, String artifactId, String version) {}

    private static List<Managed> managed(Document pom) {
        Element management =
                children(pom.getDocumentElement(), "dependencyManagement").get(0);
        List<Managed> all = new ArrayList<>();
        for (Element dependency : children(children(management, "dependencies").get(0), "dependency")) {
            all.add(new Managed(
                    text(dependency, "groupId"), text(dependency, "artifactId"), text(dependency, "version")));
        }
        return all;
    }

    static Document xml(Path file) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new IOException("Cannot read " + file, e);
        }
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

    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
