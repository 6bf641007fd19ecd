#include "report/analysis_report.h"
#include "report/number_format.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace layerlens::core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::core", text);
}

struct Column
{
    QString title;
    int width;
    bool right;
};

// Shortens text to width, keeping both ends: "features.1…conv.0".
QString fit(const QString &text, int width)
{
    if (text.size() <= width)
        return text;
    // Layer names carry their most specific part at the end.
    const int head = (width - 1) / 3;
    const int tail = width - 1 - head;
    return text.left(head) + QChar(0x2026) + text.right(tail);
}

QString row(const std::vector<Column> &columns, const QStringList &cells)
{
    QString line;
    for (size_t i = 0; i < columns.size(); ++i) {
        const Column &c = columns[i];
        const QString cell = fit(cells[static_cast<int>(i)], c.width);
        if (i > 0)
            line += QStringLiteral("  ");
        line += c.right ? cell.rightJustified(c.width) : cell.leftJustified(c.width);
    }
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    return line + QLatin1Char('\n');
}

// Word-wraps text to width with `indent` spaces before every line, and
// further lines indented two more.
QString wrap(const QString &text, int width, int indent)
{
    QString out;
    QString line = QString(indent, QLatin1Char(' '));
    bool lineHasWords = false;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (lineHasWords && line.size() + 1 + word.size() > width) {
            out += line + QLatin1Char('\n');
            line = QString(indent + 2, QLatin1Char(' '));
            lineHasWords = false;
        }
        line += (lineHasWords ? QStringLiteral(" ") : QString()) + word;
        lineHasWords = true;
    }
    return out + line + QLatin1Char('\n');
}

QString exact(int64_t value)
{
    return QLocale(QLocale::English).toString(static_cast<qlonglong>(value));
}

QString valuesLine(const Graph &graph, const std::vector<int> &tensors)
{
    QStringList parts;
    for (int t : tensors) {
        const Tensor &tensor = graph.tensors[t];
        parts.append(QStringLiteral("%1 %2 %3")
                         .arg(tensor.name, elementTypeName(tensor.type), tensor.shape.toString()));
    }
    return parts.isEmpty() ? tr("(none)") : parts.join(QStringLiteral(", "));
}

} // namespace

QString analysisToTable(const Graph &graph, const NetworkAnalysis &analysis,
                        const TableOptions &options)
{
    const std::vector<Column> fixed = {
        {QStringLiteral("#"), 4, true}, {tr("Op"), 17, false},   {tr("Output shape"), 18, false},
        {tr("MACs"), 8, true},          {tr("FLOPs"), 8, true},  {tr("Params"), 8, true},
        {tr("Out bytes"), 9, true},     {tr("FLOP/B"), 6, true},
    };
    int used = 0;
    for (const Column &c : fixed)
        used += c.width + 2;
    std::vector<Column> columns = fixed;
    columns.insert(columns.begin() + 1, {tr("Layer"), std::max(12, options.width - used), false});

    QString out;
    QStringList header = {QFileInfo(graph.path).fileName(), formatBytes(graph.fileBytes),
                          tr("IR %1, opset %2").arg(graph.irVersion).arg(graph.opset)};
    if (!graph.producer.isEmpty())
        header.append(graph.producer);
    out += header.join(QStringLiteral("  |  ")) + QLatin1Char('\n');
    out += tr("Inputs:  ") + valuesLine(graph, graph.inputs) + QLatin1Char('\n');
    out += tr("Outputs: ") + valuesLine(graph, graph.outputs) + QLatin1Char('\n');
    if (!graph.boundDims.empty()) {
        QStringList bound;
        for (const auto &[name, value] : graph.boundDims)
            bound.append(QStringLiteral("%1 = %2").arg(name).arg(value));
        out += tr("Bound:   ") + bound.join(QStringLiteral(", ")) + QLatin1Char('\n');
    }
    out += QLatin1Char('\n');

    QStringList titles;
    for (const Column &c : columns)
        titles.append(c.title);
    out += row(columns, titles);
    int ruleWidth = 0;
    for (const Column &c : columns)
        ruleWidth += c.width;
    out += QString(ruleWidth + 2 * static_cast<int>(columns.size() - 1), QLatin1Char('-')) +
           QLatin1Char('\n');
    for (const LayerAnalysis &layer : analysis.layers) {
        const Node &node = graph.nodes[layer.node];
        if (node.folded && !options.showFolded)
            continue;
        QString macs, flops;
        if (node.folded) {
            macs = flops = tr("folded");
        } else if (!layer.supported) {
            macs = flops = tr("unsupp.");
        } else if (!layer.costKnown) {
            macs = flops = QStringLiteral("?");
        } else {
            macs = layer.macs ? formatCount(layer.macs) : QStringLiteral("-");
            flops = layer.flops ? formatCount(layer.flops) : QStringLiteral("-");
        }
        const double ai = layer.arithmeticIntensity;
        out += row(columns, {QString::number(layer.node), node.name, node.qualifiedOpType(),
                             shapesText(graph, node.outputs), macs, flops,
                             layer.params ? formatCount(layer.params) : QStringLiteral("-"),
                             formatBytes(layer.outputBytes),
                             std::isnan(ai) ? QStringLiteral("-") : QString::number(ai, 'f', 1)});
    }

    const AnalysisTotals &t = analysis.totals;
    out += QLatin1Char('\n');
    out += tr("Totals over %1 layers").arg(t.layers);
    if (t.foldedLayers > 0) {
        out += options.showFolded
                   ? tr(" (and %1 constant nodes folded at load time)").arg(t.foldedLayers)
                   : tr(" (%1 constant nodes folded at load time are hidden; "
                        "--all shows them)")
                         .arg(t.foldedLayers);
    }
    out += t.complete ? QStringLiteral(":\n")
                      : tr(", INCOMPLETE: %1 layers have no cost, so these are lower bounds:\n")
                            .arg(t.unknownCostLayers);
    out += tr("  MACs              %1  (%2)\n").arg(formatCount(t.macs), -9).arg(exact(t.macs));
    out += tr("  FLOPs             %1  (%2)\n").arg(formatCount(t.flops), -9).arg(exact(t.flops));
    out += tr("  Parameters        %1  (%2, %3)\n")
               .arg(formatCount(t.params), -9)
               .arg(exact(t.params), formatBytes(t.weightBytes));
    out += tr("  Peak activations  %1  (%2 bytes)\n")
               .arg(formatBytes(t.peakActivationBytes), -9)
               .arg(exact(t.peakActivationBytes));

    if (!analysis.unsupported.empty()) {
        out += QLatin1Char('\n') + tr("Unsupported operators (no cost, left out of the totals):") +
               QLatin1Char('\n');
        for (const UnsupportedOp &u : analysis.unsupported) {
            out += QStringLiteral("  %1: %2\n")
                       .arg(u.opType, fit(u.nodes.join(QStringLiteral(", ")), options.width - 8));
        }
    }
    if (!analysis.issues.empty()) {
        out += QLatin1Char('\n') + tr("Issues:") + QLatin1Char('\n');
        for (const Issue &issue : analysis.issues) {
            out += wrap(QStringLiteral("%1: %2").arg(severityLabel(issue.severity), issue.message),
                        options.width, 2);
        }
    }
    return out;
}

} // namespace layerlens::core
