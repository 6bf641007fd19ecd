#include "report/analysis_report.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QStringList>

#include <cmath>

namespace layerlens::core {

namespace {

QJsonValue countOrNull(bool known, int64_t value)
{
    return known ? QJsonValue(static_cast<qint64>(value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue dimsJson(const Graph &graph, int tensor)
{
    if (tensor < 0 || !graph.tensors[tensor].shape.rankKnown)
        return QJsonValue(QJsonValue::Null);
    QJsonArray dims;
    for (int64_t d : graph.tensors[tensor].shape.dims)
        dims.append(d >= 0 ? QJsonValue(static_cast<qint64>(d)) : QJsonValue(QJsonValue::Null));
    return dims;
}

QJsonArray valuesJson(const Graph &graph, const std::vector<int> &tensors)
{
    QJsonArray list;
    for (int t : tensors) {
        const Tensor &tensor = graph.tensors[t];
        list.append(QJsonObject{{QStringLiteral("name"), tensor.name},
                                {QStringLiteral("dtype"), elementTypeName(tensor.type)},
                                {QStringLiteral("shape"), dimsJson(graph, t)}});
    }
    return list;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvNumber(bool known, int64_t value)
{
    return known ? QString::number(value) : QString();
}

} // namespace

QString shapesText(const Graph &graph, const std::vector<int> &tensors)
{
    QStringList parts;
    for (int t : tensors) {
        if (t >= 0)
            parts.append(graph.tensors[t].shape.toString());
    }
    return parts.join(QStringLiteral("; "));
}

QJsonObject analysisToJson(const Graph &graph, const NetworkAnalysis &analysis)
{
    const AnalysisTotals &totals = analysis.totals;
    QJsonObject bound;
    for (const auto &[name, value] : graph.boundDims)
        bound.insert(name, static_cast<qint64>(value));

    QJsonArray layers;
    for (const LayerAnalysis &layer : analysis.layers) {
        const Node &node = graph.nodes[layer.node];
        QJsonArray inputs, outputs, dtypes;
        for (int t : node.inputs)
            inputs.append(dimsJson(graph, t));
        for (int t : node.outputs) {
            outputs.append(dimsJson(graph, t));
            dtypes.append(t >= 0 ? QJsonValue(elementTypeName(graph.tensors[t].type))
                                 : QJsonValue(QJsonValue::Null));
        }
        const double ai = layer.arithmeticIntensity;
        layers.append(QJsonObject{
            {QStringLiteral("name"), node.name},
            {QStringLiteral("op"), node.qualifiedOpType()},
            {QStringLiteral("category"), layer.supported && !node.folded
                                             ? QJsonValue(opCategoryKey(layer.category))
                                             : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("folded"), node.folded},
            {QStringLiteral("supported"), layer.supported},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("outputs"), outputs},
            {QStringLiteral("output_dtypes"), dtypes},
            {QStringLiteral("macs"), countOrNull(layer.costKnown, layer.macs)},
            {QStringLiteral("flops"), countOrNull(layer.costKnown, layer.flops)},
            {QStringLiteral("params"), static_cast<qint64>(layer.params)},
            {QStringLiteral("weight_bytes"), static_cast<qint64>(layer.weightBytes)},
            {QStringLiteral("input_bytes"), countOrNull(layer.inputBytes >= 0, layer.inputBytes)},
            {QStringLiteral("output_bytes"),
             countOrNull(layer.outputBytes >= 0, layer.outputBytes)},
            {QStringLiteral("arithmetic_intensity"),
             std::isnan(ai) ? QJsonValue(QJsonValue::Null) : QJsonValue(ai)},
        });
    }
    QJsonArray unsupported;
    for (const UnsupportedOp &u : analysis.unsupported) {
        unsupported.append(
            QJsonObject{{QStringLiteral("op"), u.opType},
                        {QStringLiteral("nodes"), QJsonArray::fromStringList(u.nodes)}});
    }
    QJsonArray issues;
    for (const Issue &issue : analysis.issues) {
        issues.append(QJsonObject{{QStringLiteral("severity"), severityKey(issue.severity)},
                                  {QStringLiteral("message"), issue.message},
                                  {QStringLiteral("where"), issue.where}});
    }
    return QJsonObject{
        {QStringLiteral("model"), QFileInfo(graph.path).fileName()},
        {QStringLiteral("path"), graph.path},
        {QStringLiteral("file_bytes"), static_cast<qint64>(graph.fileBytes)},
        {QStringLiteral("producer"), graph.producer},
        {QStringLiteral("ir_version"), static_cast<qint64>(graph.irVersion)},
        {QStringLiteral("opset"), graph.opset},
        {QStringLiteral("bound_dims"), bound},
        {QStringLiteral("inputs"), valuesJson(graph, graph.inputs)},
        {QStringLiteral("outputs"), valuesJson(graph, graph.outputs)},
        {QStringLiteral("totals"),
         QJsonObject{
             {QStringLiteral("macs"), static_cast<qint64>(totals.macs)},
             {QStringLiteral("flops"), static_cast<qint64>(totals.flops)},
             {QStringLiteral("params"), static_cast<qint64>(totals.params)},
             {QStringLiteral("weight_bytes"), static_cast<qint64>(totals.weightBytes)},
             {QStringLiteral("peak_activation_bytes"),
              static_cast<qint64>(totals.peakActivationBytes)},
             {QStringLiteral("layers"), totals.layers},
             {QStringLiteral("folded_layers"), totals.foldedLayers},
             {QStringLiteral("unknown_cost_layers"), totals.unknownCostLayers},
             {QStringLiteral("complete"), totals.complete},
         }},
        {QStringLiteral("layers"), layers},
        {QStringLiteral("unsupported"), unsupported},
        {QStringLiteral("issues"), issues},
    };
}

QString analysisToCsv(const Graph &graph, const NetworkAnalysis &analysis)
{
    QString out = QStringLiteral(
        "index,name,op,category,folded,supported,input_shapes,output_shapes,macs,flops,params,"
        "weight_bytes,input_bytes,output_bytes,arithmetic_intensity\n");
    for (const LayerAnalysis &layer : analysis.layers) {
        const Node &node = graph.nodes[layer.node];
        const double ai = layer.arithmeticIntensity;
        const QStringList row = {
            QString::number(layer.node),
            csvField(node.name),
            csvField(node.qualifiedOpType()),
            layer.supported && !node.folded ? opCategoryKey(layer.category) : QString(),
            node.folded ? QStringLiteral("true") : QStringLiteral("false"),
            layer.supported ? QStringLiteral("true") : QStringLiteral("false"),
            csvField(shapesText(graph, node.inputs)),
            csvField(shapesText(graph, node.outputs)),
            csvNumber(layer.costKnown, layer.macs),
            csvNumber(layer.costKnown, layer.flops),
            QString::number(layer.params),
            QString::number(layer.weightBytes),
            csvNumber(layer.inputBytes >= 0, layer.inputBytes),
            csvNumber(layer.outputBytes >= 0, layer.outputBytes),
            std::isnan(ai) ? QString() : QString::number(ai, 'g', 6),
        };
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace layerlens::core
