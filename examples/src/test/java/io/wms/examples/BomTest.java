package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps wms-bom equal to the build: it stands alone (no parent, so that it pins nothing but wms in a host), which
 * leaves its module list and version to be kept by hand, and this test is what keeps them.
 */
class BomTest {

    private static final Path ROOT = ReadmeSnippetsTest.projectRoot();

    @Test
    void bomManagesEveryPublishedModuleAndNothingElse() throws Exception {
        List<String> published = new ArrayList<>();
        for (Element module : children(pom(ROOT), "module")) {
            Document modulePom = pom(ROOT.resolve(module.getTextContent().strip()));
            if (!"pom".equals(text(modulePom.getDocumentElement(), "packaging"))
                    && !"true".equals(text(child(modulePom.getDocumentElement(), "properties"), "wms.publish.skip"))) {
                published.add("io.wms:" + text(modulePom.getDocumentElement(), "artifactId"));
            }
        }

        assertThat(managed(pom(ROOT.resolve("wms-bom"))))
                .as("dependencyManagement of wms-bom/pom.xml")
                .containsExactlyInAnyOrderElementsOf(published.stream().map(module -> module + ":${project.version}").toList());
    }

    @Test
    void bomHasTheVersionOfTheBuild() throws Exception {
        Element bom = pom(ROOT.resolve("wms-bom")).getDocumentElement();

        assertThat(text(bom, "version")).isEqualTo(text(pom(ROOT).getDocumentElement(), "version"));
    }

    @Test
    void bomHasNoParentSoThatItPinsNoOtherLibrary() throws Exception {
        Element bom = pom(ROOT.resolve("wms-bom")).getDocumentElement();

        assertThat(child(bom, "parent")).isNull();
        assertThat(child(bom, "dependencies")).isNull();
    }

    /** Every module, including those of profiles (the benchmarks), so that a published one cannot hide in one. */
    private static List<Element> children(Document pom, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName(name);
        for (int index = 0; index < nodes.getLength(); index++) {
            found.add((Element) nodes.item(index));
        }
        return found;
    }

    private static List<String> managed(Document bom) {
        return children(bom, "dependency").stream()
                .map(dependency -> text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":"
                        + text(dependency, "version"))
                .toList();
    }

    private static Document pom(Path directory) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(directory.resolve("pom.xml").toFile());
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
