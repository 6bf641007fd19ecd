// The report's plots as SVG text, so that HTML reports embed them without
// QtGui and the PDF renders the same drawings.
#include "report/network_report.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

constexpr int kMaxHeatmapRows = 40;
const char *kFont = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Viridis at t in [0, 1], as "#rrggbb".
QString viridis(double t)
{
    static const double stops[5][3] = {
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    t = std::clamp(t, 0.0, 1.0) * 4;
    const int i = std::min(3, int(t));
    const double f = t - i;
    int c[3];
    for (int k = 0; k < 3; ++k)
        c[k] = int(std::lround(stops[i][k] + f * (stops[i + 1][k] - stops[i][k])));
    return QStringLiteral("#%1%2%3")
        .arg(c[0], 2, 16, QLatin1Char('0'))
        .arg(c[1], 2, 16, QLatin1Char('0'))
        .arg(c[2], 2, 16, QLatin1Char('0'));
}

QString text(double x, double y, const QString &s, int size, const QString &extra = QString())
{
    return QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" %4 %5>%6</text>\n")
        .arg(x, 0, 'f', 1)
        .arg(y, 0, 'f', 1)
        .arg(size)
        .arg(QLatin1String(kFont), extra, esc(s));
}

QString rect(double x, double y, double w, double h, const QString &fill,
             const QString &extra = QString())
{
    return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" %6/>\n")
        .arg(x, 0, 'f', 1)
        .arg(y, 0, 'f', 1)
        .arg(w, 0, 'f', 1)
        .arg(h, 0, 'f', 1)
        .arg(fill, extra);
}

QString svgOpen(int width, int height)
{
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\">\n")
               .arg(width)
               .arg(height) +
           rect(0, 0, width, height, QStringLiteral("#ffffff"));
}

// Layers × batch size: each cell the block's share of that batch's latency.
QString heatmapSvg(const NetworkReport &r)
{
    const auto &sweep = r.batchSweep;
    std::vector<int> rows;
    std::vector<double> peak(r.blocks().size(), 0);
    for (size_t b = 0; b < r.blocks().size(); ++b) {
        if (r.blocks()[b].module.isEmpty())
            continue;
        for (const ConfigPrediction &c : sweep) {
            if (c.blocks[b].latencyMs.available && c.latencyMs.value > 0)
                peak[b] = std::max(peak[b], c.blocks[b].latencyMs.value / c.latencyMs.value);
        }
        rows.push_back(int(b));
    }
    const int modelled = int(rows.size());
    if (modelled > kMaxHeatmapRows) {
        std::vector<int> top = rows;
        std::partial_sort(top.begin(), top.begin() + kMaxHeatmapRows, top.end(),
                          [&](int a, int b) { return peak[a] > peak[b]; });
        top.resize(kMaxHeatmapRows);
        std::sort(top.begin(), top.end());
        rows = top;
    }
    double maxShare = 0;
    for (int b : rows)
        maxShare = std::max(maxShare, peak[b]);
    if (maxShare <= 0)
        maxShare = 1;

    const int labelW = 230, cellW = 62, cellH = 15, top = 54, legendW = 70;
    const int cols = int(sweep.size());
    const int width = labelW + cols * cellW + legendW + 10;
    const int height = top + int(rows.size()) * cellH + 40;
    QString svg = svgOpen(width, height);
    QString title = tr("Share of the predicted latency per layer and batch size "
                       "(utilization %1%, %2 thread(s))")
                        .arg(r.config.utilization)
                        .arg(r.config.threads);
    svg += text(8, 18, title, 13, QStringLiteral("font-weight=\"bold\""));
    if (modelled > int(rows.size()))
        svg += text(8, 34,
                    tr("the %1 layers with the largest share of %2 modelled layers")
                        .arg(rows.size())
                        .arg(modelled),
                    10, QStringLiteral("fill=\"#555\""));
    for (int c = 0; c < cols; ++c)
        svg += text(labelW + c * cellW + cellW / 2.0, top - 6,
                    tr("batch %1").arg(sweep[c].config.batch), 10,
                    QStringLiteral("text-anchor=\"middle\""));
    for (size_t i = 0; i < rows.size(); ++i) {
        const int b = rows[i];
        const double y = top + double(i) * cellH;
        const Node &head = r.network.graph->nodes[r.blocks()[b].nodes.front()];
        svg += text(labelW - 6, y + cellH - 4, shortLayerLabel(head, 34), 10,
                    QStringLiteral("text-anchor=\"end\""));
        for (int c = 0; c < cols; ++c) {
            const ConfigPrediction &p = sweep[c];
            const MetricPrediction &m = p.blocks[b].latencyMs;
            const double share =
                m.available && p.latencyMs.value > 0 ? m.value / p.latencyMs.value : 0;
            const double t = share / maxShare;
            svg += rect(labelW + c * cellW, y, cellW - 1, cellH - 1, viridis(t));
            svg += text(labelW + c * cellW + cellW / 2.0, y + cellH - 4,
                        QString::number(100 * share, 'f', 1), 9,
                        QStringLiteral("text-anchor=\"middle\" fill=\"%1\"")
                            .arg(t > 0.6 ? QStringLiteral("#000") : QStringLiteral("#fff")));
        }
    }
    // Colour bar.
    const double lx = labelW + cols * cellW + 16, ly = top,
                 lh = std::max(60, int(rows.size()) * cellH);
    for (int k = 0; k < 50; ++k)
        svg += rect(lx, ly + lh * k / 50.0, 14, lh / 50.0 + 0.5, viridis(1 - k / 49.0));
    svg += text(lx + 18, ly + 9, QStringLiteral("%1%").arg(100 * maxShare, 0, 'f', 1), 9);
    svg += text(lx + 18, ly + lh, QStringLiteral("0%"), 9);
    svg += text(8, height - 12,
                tr("Each cell: % of that batch size's predicted latency; the rest is layers "
                   "without a model and the per-operator overhead."),
                10, QStringLiteral("fill=\"#555\""));
    return svg + QStringLiteral("</svg>\n");
}

// Predicted latency by module, with the per-operator overhead.
QString breakdownSvg(const NetworkReport &r)
{
    std::map<QString, std::pair<double, int>> byModule; // ms, blocks
    double unmodelled = 0;
    for (size_t b = 0; b < r.blocks().size(); ++b) {
        const MetricPrediction &m = r.current.blocks[b].latencyMs;
        if (r.blocks()[b].module.isEmpty() || !m.available) {
            ++unmodelled;
            continue;
        }
        auto &entry = byModule[r.blocks()[b].module];
        entry.first += m.value;
        entry.second += 1;
    }
    std::vector<std::pair<QString, double>> bars;
    for (const auto &[module, entry] : byModule)
        bars.emplace_back(tr("%1 (%2)").arg(module).arg(entry.second), entry.first);
    std::sort(bars.begin(), bars.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    if (r.current.overheadMs != 0)
        bars.emplace_back(tr("per-operator overhead"), r.current.overheadMs);
    const double total = r.current.latencyMs.value;
    double maxValue = 0;
    for (const auto &bar : bars)
        maxValue = std::max(maxValue, std::abs(bar.second));
    if (maxValue <= 0)
        maxValue = 1;

    const int labelW = 230, barW = 380, barH = 18, top = 34, valueW = 150;
    const int width = labelW + barW + valueW;
    const int height = top + int(bars.size()) * (barH + 4) + 34;
    QString svg = svgOpen(width, height);
    svg += text(8, 18,
                tr("Predicted latency by module (batch %1, utilization %2%, %3 thread(s))")
                    .arg(r.config.batch)
                    .arg(r.config.utilization)
                    .arg(r.config.threads),
                13, QStringLiteral("font-weight=\"bold\""));
    for (size_t i = 0; i < bars.size(); ++i) {
        const double y = top + double(i) * (barH + 4);
        const double w = barW * std::abs(bars[i].second) / maxValue;
        svg += text(labelW - 6, y + barH - 5, bars[i].first, 11,
                    QStringLiteral("text-anchor=\"end\""));
        svg += rect(labelW, y, std::max(1.0, w), barH,
                    bars[i].second < 0 ? QStringLiteral("#c0392b") : QStringLiteral("#2a6fb0"));
        svg += text(labelW + w + 6, y + barH - 5,
                    tr("%1 ms (%2%)")
                        .arg(bars[i].second, 0, 'f', 3)
                        .arg(total > 0 ? 100 * bars[i].second / total : 0, 0, 'f', 1),
                    10);
    }
    QString footer = tr("Total %1 ms").arg(total, 0, 'f', 3);
    if (unmodelled > 0)
        footer +=
            tr("; %1 layer block(s) without a model count at the overhead only").arg(unmodelled);
    svg += text(8, height - 12, footer, 10, QStringLiteral("fill=\"#555\""));
    return svg + QStringLiteral("</svg>\n");
}

} // namespace

QStringList reportPlotNames()
{
    return {QStringLiteral("heatmap.svg"), QStringLiteral("breakdown.svg")};
}

QString reportPlotSvg(const NetworkReport &report, const QString &name)
{
    if (name == QLatin1String("heatmap.svg"))
        return heatmapSvg(report);
    if (name == QLatin1String("breakdown.svg"))
        return breakdownSvg(report);
    return QString();
}

} // namespace layerlens::core
