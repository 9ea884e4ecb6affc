package dev.loglake.deploy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The {@code <properties>} of the root pom.xml: the single source of the component versions. */
final class RootPomVersions {
    private RootPomVersions() {}

    static Map<String, String> load() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder()
                    .parse(RepositoryFiles.path("pom.xml").toFile())
                    .getDocumentElement();
            NodeList propertiesElements = project.getElementsByTagName("properties");
            Map<String, String> properties = new HashMap<>();
            for (int i = 0; i < propertiesElements.getLength(); i++) {
                Node parent = propertiesElements.item(i);
                if (parent.getParentNode() != project) {
                    continue; // only the project's own <properties>, not a profile's
                }
                NodeList children = parent.getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    if (children.item(j) instanceof Element property) {
                        properties.put(
                                property.getTagName(), property.getTextContent().trim());
                    }
                }
            }
            return Map.copyOf(properties);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot read the root pom.xml", e);
        }
    }

    static String get(String name) {
        String value = load().get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The root pom.xml has no property " + name);
        }
        return value;
    }
}
