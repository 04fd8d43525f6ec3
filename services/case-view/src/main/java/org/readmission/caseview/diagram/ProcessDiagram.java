package org.readmission.caseview.diagram;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code readmission-case} model drawn from its own BPMN DI (shapes and edges of
 * {@code bpmn/readmission-case.bpmn} in the workflows jar) as server-side SVG, with the current activities
 * highlighted. Simple on purpose: boxes for activities, circles for events, diamonds for gateways, lines for flows.
 */
@Component
public class ProcessDiagram {

    static final String RESOURCE = "bpmn/readmission-case.bpmn";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

    record Shape(String id, String kind, String name, double x, double y, double w, double h, boolean expanded) {
    }

    record Edge(List<double[]> points) {
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private double maxX;
    private double maxY;

    public ProcessDiagram() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (the workflows jar)");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            read(factory.newDocumentBuilder().parse(in));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private void read(Document doc) {
        Map<String, Element> elements = new HashMap<>();
        NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                elements.put(e.getAttribute("id"), e);
            }
        }
        NodeList shapeNodes = doc.getElementsByTagNameNS(DI, "BPMNShape");
        for (int i = 0; i < shapeNodes.getLength(); i++) {
            Element s = (Element) shapeNodes.item(i);
            Element bounds = (Element) s.getElementsByTagNameNS(DC, "Bounds").item(0);
            Element element = elements.get(s.getAttribute("bpmnElement"));
            if (bounds == null || element == null) {
                continue;
            }
            Shape shape = new Shape(s.getAttribute("bpmnElement"), element.getLocalName(), element.getAttribute("name"),
                    num(bounds, "x"), num(bounds, "y"), num(bounds, "width"), num(bounds, "height"),
                    "true".equals(s.getAttribute("isExpanded")));
            shapes.add(shape);
            maxX = Math.max(maxX, shape.x() + shape.w());
            maxY = Math.max(maxY, shape.y() + shape.h());
        }
        shapes.sort((a, b) -> Boolean.compare(!a.expanded(), !b.expanded()));
        NodeList edgeNodes = doc.getElementsByTagNameNS(DI, "BPMNEdge");
        for (int i = 0; i < edgeNodes.getLength(); i++) {
            NodeList waypoints = ((Element) edgeNodes.item(i)).getElementsByTagNameNS("http://www.omg.org/spec/DD/20100524/DI", "waypoint");
            List<double[]> points = new ArrayList<>();
            for (int j = 0; j < waypoints.getLength(); j++) {
                Element w = (Element) waypoints.item(j);
                points.add(new double[]{num(w, "x"), num(w, "y")});
            }
            edges.add(new Edge(points));
        }
    }

    /** The diagram as an inline {@code <svg>}, the given activities highlighted (and named in its title). */
    public String svg(Set<String> current) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"diagram-title\" class=\"diagram\" viewBox=\"0 0 ")
                .append(fmt(maxX + 20)).append(' ').append(fmt(maxY + 20)).append("\" width=\"").append(fmt((maxX + 20) * 0.6))
                .append("\" height=\"").append(fmt((maxY + 20) * 0.6)).append("\">");
        svg.append("<title id=\"diagram-title\">readmission-case; current: ")
                .append(HtmlUtils.htmlEscape(String.join(", ", current.stream().map(this::nameOf).toList()))).append("</title>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>");
        for (Shape s : shapes) {
            if (s.expanded() || s.kind().equals("subProcess")) {
                svg.append(rect(s, "#fafafa", "#999", 1, 10));
            }
        }
        for (Edge e : edges) {
            svg.append("<polyline fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\" points=\"");
            e.points().forEach(p -> svg.append(fmt(p[0])).append(',').append(fmt(p[1])).append(' '));
            svg.append("\"/>");
        }
        for (Shape s : shapes) {
            if (s.expanded() || s.kind().equals("subProcess")) {
                continue;
            }
            boolean now = current.contains(s.id());
            String fill = now ? "#ffe08a" : "#ffffff";
            String stroke = now ? "#8a4b00" : "#333";
            int width = now ? 4 : 1;
            if (s.kind().endsWith("Event")) {
                svg.append("<circle cx=\"").append(fmt(s.x() + s.w() / 2)).append("\" cy=\"").append(fmt(s.y() + s.h() / 2))
                        .append("\" r=\"").append(fmt(s.w() / 2)).append("\" fill=\"").append(fill).append("\" stroke=\"")
                        .append(stroke).append("\" stroke-width=\"").append(s.kind().startsWith("end") ? Math.max(width, 3) : width)
                        .append("\"/>");
            } else if (s.kind().endsWith("Gateway")) {
                double cx = s.x() + s.w() / 2;
                double cy = s.y() + s.h() / 2;
                svg.append("<polygon points=\"").append(fmt(cx)).append(',').append(fmt(s.y())).append(' ')
                        .append(fmt(s.x() + s.w())).append(',').append(fmt(cy)).append(' ').append(fmt(cx)).append(',')
                        .append(fmt(s.y() + s.h())).append(' ').append(fmt(s.x())).append(',').append(fmt(cy))
                        .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\"/>");
            } else {
                svg.append(rect(s, fill, stroke, width, 8));
                svg.append("<text x=\"").append(fmt(s.x() + s.w() / 2)).append("\" y=\"").append(fmt(s.y() + s.h() / 2))
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#111\">");
                wrap(s.name(), 18).forEach(line -> svg.append("<tspan x=\"").append(fmt(s.x() + s.w() / 2))
                        .append("\" dy=\"1.1em\">").append(HtmlUtils.htmlEscape(line)).append("</tspan>"));
                svg.append("</text>");
            }
            if (now) {
                svg.append("<g data-current=\"").append(s.id()).append("\"></g>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private String nameOf(String id) {
        return shapes.stream().filter(s -> s.id().equals(id)).map(s -> s.name().isBlank() ? id : s.name()).findFirst().orElse(id);
    }

    private static String rect(Shape s, String fill, String stroke, int width, int radius) {
        return "<rect x=\"" + fmt(s.x()) + "\" y=\"" + fmt(s.y()) + "\" width=\"" + fmt(s.w()) + "\" height=\"" + fmt(s.h())
                + "\" rx=\"" + radius + "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\"/>";
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : (text == null ? "" : text).split("\\s+")) {
            if (line.length() + word.length() > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines.size() > 3 ? lines.subList(0, 3) : lines;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static String fmt(double value) {
        return String.valueOf(Math.round(value));
    }
}
