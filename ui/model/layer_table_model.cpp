#include "model/layer_table_model.h"

#include "report/analysis_report.h"
#include "report/number_format.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace layerlens::ui {

LayerTableModel::LayerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LayerTableModel::setNetwork(const core::AnalyzedNetwork &network)
{
    beginResetModel();
    m_network = network;
    if (m_prediction && m_prediction->network.graph != network.graph)
        m_prediction.reset();
    rebuildRows();
    endResetModel();
}

void LayerTableModel::setPrediction(std::shared_ptr<const PredictionResult> prediction)
{
    if (prediction && (!prediction->predictor || prediction->network.graph != m_network.graph))
        prediction = nullptr;
    m_prediction = std::move(prediction);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, LatencyColumn), index(rowCount() - 1, NoteColumn));
}

const core::BlockPrediction *
LayerTableModel::blockPrediction(const core::LayerAnalysis &layer) const
{
    if (!m_prediction)
        return nullptr;
    const int block = m_prediction->blockOfNode[layer.node];
    if (block < 0 || m_prediction->blocks()[block].nodes.front() != layer.node)
        return nullptr;
    return &m_prediction->current.blocks[block];
}

QVariant LayerTableModel::predictedValue(const core::LayerAnalysis &layer, int column,
                                         bool sort) const
{
    const core::BlockPrediction *p = blockPrediction(layer);
    const core::MetricPrediction *m = nullptr;
    if (p) {
        switch (column) {
        case LatencyColumn:
        case ShareColumn:
            m = &p->latencyMs;
            break;
        case MemoryColumn:
            m = &p->memoryBytes;
            break;
        case EnergyColumn:
            m = &p->energyJ;
            break;
        }
    }
    if (!m || !m->available)
        return sort ? QVariant(-1.0) : QVariant(QStringLiteral("-"));
    const double total = m_prediction->current.latencyMs.value;
    switch (column) {
    case LatencyColumn:
        return sort ? QVariant(m->value) : QVariant(QString::number(m->value, 'f', 3));
    case ShareColumn: {
        const double share = total > 0 ? 100 * m->value / total : 0;
        return sort ? QVariant(share) : QVariant(QString::number(share, 'f', 1));
    }
    case MemoryColumn:
        return sort ? QVariant(m->value)
                    : QVariant(core::formatBytes(static_cast<int64_t>(m->value)));
    case EnergyColumn:
        return sort ? QVariant(m->value) : QVariant(QString::number(m->value, 'g', 3));
    }
    return {};
}

void LayerTableModel::setShowFolded(bool show)
{
    if (show == m_showFolded)
        return;
    beginResetModel();
    m_showFolded = show;
    rebuildRows();
    endResetModel();
}

void LayerTableModel::rebuildRows()
{
    m_rows.clear();
    if (!m_network.ok())
        return;
    for (size_t i = 0; i < m_network.analysis.layers.size(); ++i) {
        const auto &layer = m_network.analysis.layers[i];
        if (m_showFolded || !m_network.graph->nodes[layer.node].folded)
            m_rows.push_back(static_cast<int>(i));
    }
}

int LayerTableModel::rowOfNode(int node) const
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (m_network.analysis.layers[m_rows[row]].node == node)
            return static_cast<int>(row);
    }
    return -1;
}

int LayerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LayerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LayerTableModel::note(const core::LayerAnalysis &layer) const
{
    const core::Node &node = m_network.graph->nodes[layer.node];
    if (node.folded)
        return tr("folded at load time");
    if (!layer.supported)
        return tr("unsupported operator: no cost");
    if (!layer.costKnown)
        return tr("shape unknown: no cost");
    if (m_prediction) {
        const int block = m_prediction->blockOfNode[layer.node];
        if (block >= 0) {
            const core::NetworkBlock &b = m_prediction->blocks()[block];
            if (b.nodes.front() != layer.node)
                return tr("fused into %1").arg(m_network.graph->nodes[b.nodes.front()].name);
            if (b.module.isEmpty())
                return tr("no model: %1").arg(b.reason);
            const core::BlockPrediction &p = m_prediction->current.blocks[block];
            QStringList notes;
            if (!b.approximation.isEmpty())
                notes.append(b.approximation);
            if (p.outOfDistribution)
                notes.append(tr("out of distribution: %1").arg(p.outOfDistributionReason()));
            return notes.join(QStringLiteral("; "));
        }
    }
    return QString();
}

QVariant LayerTableModel::displayValue(const core::LayerAnalysis &layer, int column) const
{
    const core::Graph &graph = *m_network.graph;
    const core::Node &node = graph.nodes[layer.node];
    const bool costShown = layer.costKnown && !node.folded;
    switch (column) {
    case IndexColumn:
        return layer.node;
    case NameColumn:
        return node.name;
    case OpColumn:
        return node.qualifiedOpType();
    case OutputShapeColumn:
        return core::shapesText(graph, node.outputs);
    case MacsColumn:
        return costShown ? core::formatCount(layer.macs) : QStringLiteral("?");
    case FlopsColumn:
        return costShown ? core::formatCount(layer.flops) : QStringLiteral("?");
    case ParamsColumn:
        return core::formatCount(layer.params);
    case InputBytesColumn:
        return core::formatBytes(layer.inputBytes);
    case OutputBytesColumn:
        return core::formatBytes(layer.outputBytes);
    case IntensityColumn:
        return std::isnan(layer.arithmeticIntensity)
                   ? QStringLiteral("-")
                   : QString::number(layer.arithmeticIntensity, 'f', 1);
    case LatencyColumn:
    case ShareColumn:
    case MemoryColumn:
    case EnergyColumn:
        return predictedValue(layer, column, false);
    case NoteColumn:
        return note(layer);
    }
    return {};
}

QVariant LayerTableModel::sortValue(const core::LayerAnalysis &layer, int column) const
{
    const bool known = layer.costKnown;
    switch (column) {
    case IndexColumn:
        return layer.node;
    case MacsColumn:
        return known ? QVariant(static_cast<qlonglong>(layer.macs)) : QVariant(-1LL);
    case FlopsColumn:
        return known ? QVariant(static_cast<qlonglong>(layer.flops)) : QVariant(-1LL);
    case ParamsColumn:
        return static_cast<qlonglong>(layer.params);
    case InputBytesColumn:
        return static_cast<qlonglong>(layer.inputBytes);
    case OutputBytesColumn:
        return static_cast<qlonglong>(layer.outputBytes);
    case IntensityColumn:
        return std::isnan(layer.arithmeticIntensity) ? -1.0 : layer.arithmeticIntensity;
    case LatencyColumn:
    case ShareColumn:
    case MemoryColumn:
    case EnergyColumn:
        return predictedValue(layer, column, true);
    default:
        return displayValue(layer, column);
    }
}

QVariant LayerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const core::LayerAnalysis &layer = m_network.analysis.layers[m_rows[index.row()]];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(layer, index.column());
    case SortRole:
        return sortValue(layer, index.column());
    case NodeIndexRole:
        return layer.node;
    case Qt::TextAlignmentRole:
        return (index.column() >= LatencyColumn && index.column() <= EnergyColumn) ||
                       (index.column() >= MacsColumn && index.column() <= IntensityColumn)
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (const auto *p = blockPrediction(layer); p && p->outOfDistribution)
            return QBrush(QColor(0xd3, 0x54, 0x00));
        if (!layer.costKnown)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (m_network.graph->nodes[layer.node].folded)
            return QBrush(QColor(0x88, 0x88, 0x88));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MacsColumn || index.column() == FlopsColumn ||
            index.column() == ParamsColumn)
            return sortValue(layer, index.column()).toString();
        if (index.column() == NameColumn)
            return m_network.graph->nodes[layer.node].name;
        if (index.column() == LatencyColumn) {
            if (const auto *p = blockPrediction(layer); p && p->latencyMs.available)
                return tr("%1 ms, 90% interval [%2, %3]")
                    .arg(p->latencyMs.value, 0, 'f', 4)
                    .arg(p->latencyMs.low, 0, 'f', 4)
                    .arg(p->latencyMs.high, 0, 'f', 4);
        }
        if (index.column() == NoteColumn)
            return note(layer);
        return {};
    default:
        return {};
    }
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IndexColumn:
        return tr("#");
    case NameColumn:
        return tr("Layer");
    case OpColumn:
        return tr("Op");
    case OutputShapeColumn:
        return tr("Output shape");
    case MacsColumn:
        return tr("MACs");
    case FlopsColumn:
        return tr("FLOPs");
    case ParamsColumn:
        return tr("Params");
    case InputBytesColumn:
        return tr("In bytes");
    case OutputBytesColumn:
        return tr("Out bytes");
    case IntensityColumn:
        return tr("FLOP/byte");
    case LatencyColumn:
        return tr("Latency ms");
    case ShareColumn:
        return tr("Share %");
    case MemoryColumn:
        return tr("Memory");
    case EnergyColumn:
        return tr("Energy J");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

} // namespace layerlens::ui
