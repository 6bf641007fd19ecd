#pragma once

#include "graph/analyzed_network.h"
#include "prediction/prediction_result.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace layerlens::ui {

// The Layers table: one row per layer of an analysed network. Display text is
// formatted; Qt::UserRole holds the raw value, for sorting.
class LayerTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IndexColumn,
        NameColumn,
        OpColumn,
        LatencyColumn,
        ShareColumn,
        MemoryColumn,
        EnergyColumn,
        OutputShapeColumn,
        MacsColumn,
        FlopsColumn,
        ParamsColumn,
        InputBytesColumn,
        OutputBytesColumn,
        IntensityColumn,
        NoteColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int NodeIndexRole = Qt::UserRole + 1;

    explicit LayerTableModel(QObject *parent = nullptr);

    // Shows network (sharing its graph); an empty one clears the table.
    void setNetwork(const core::AnalyzedNetwork &network);
    // Whether nodes folded at load time get rows.
    void setShowFolded(bool show);
    bool showFolded() const { return m_showFolded; }
    // Row of the node with that index in the graph, or -1 when it has none.
    int rowOfNode(int node) const;
    // Shows predictions for the network on screen (null: none). A result
    // for another network is ignored.
    void setPrediction(std::shared_ptr<const PredictionResult> prediction);
    const PredictionResult *prediction() const { return m_prediction.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();
    QVariant displayValue(const core::LayerAnalysis &layer, int column) const;
    QVariant sortValue(const core::LayerAnalysis &layer, int column) const;
    QString note(const core::LayerAnalysis &layer) const;

    // The block prediction of a layer's node, when the node leads its block.
    const core::BlockPrediction *blockPrediction(const core::LayerAnalysis &layer) const;
    QVariant predictedValue(const core::LayerAnalysis &layer, int column, bool sort) const;

    core::AnalyzedNetwork m_network;
    std::shared_ptr<const PredictionResult> m_prediction;
    bool m_showFolded = false;
    std::vector<int> m_rows; // layer index per row
};

} // namespace layerlens::ui
