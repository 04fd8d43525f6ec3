package org.readmission.caseview.dashboard;

import java.util.List;

import org.springframework.stereotype.Component;

/** Scale of the server-side SVG bar charts ({@code @charts.width(f, figures)} in the templates). */
@Component("charts")
public class Charts {

    static final double BAR_WIDTH = 200;

    public double width(Figure figure, List<Figure> figures) {
        double max = figures.stream().mapToDouble(Figure::value).max().orElse(0);
        return max <= 0 ? 0 : Math.round(figure.value() / max * BAR_WIDTH);
    }
}
