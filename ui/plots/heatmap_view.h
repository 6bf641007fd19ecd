#pragma once

#include "prediction/prediction_result.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPItemRect;

namespace layerlens::ui {

// What a heatmap cell's colour shows.
enum class HeatMetric
{
    Latency,
    Memory,
    Energy
};

// The Heatmap dock (QCPColorMap): one row per layer block in network order,
// one column per value of the swept parameter (batch sizes, utilization
// levels or thread counts), colour = latency, memory or energy, absolute or
// as a share of the column's total. Hover shows the exact value and its
// interval; clicking a cell selects the layer; the wheel zooms and dragging
// pans along the layers.
class HeatmapView : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapView(QWidget *parent = nullptr);

    void setResult(std::shared_ptr<const PredictionResult> result);
    void setAxis(SweepAxis axis);
    SweepAxis axis() const;
    void setMetric(HeatMetric metric);
    void setShare(bool share);
    // Outlines the block's row (-1: none).
    void selectBlock(int block);
    // The block a row shows, or -1.
    int rowBlock(int row) const;

    // The values on screen: rows (blocks with a model, in network order) ×
    // columns; NaN where none.
    const std::vector<std::vector<double>> &cells() const { return m_cells; }
    QStringList columnLabels() const { return m_columnLabels; }
    // Text of the tooltip for a cell (as hover shows it).
    QString cellText(int row, int column) const;
    QCustomPlot *plot() const { return m_plot; }
    QWidget *plotWidget() const;
    // Widget coordinates of a cell's centre.
    QPoint cellPixel(int row, int column) const;
    // Zooms to show rows first..last.
    void showRows(double first, double last);

Q_SIGNALS:
    void blockClicked(int block);

private:
    void rebuild();
    void updateRowTicks();
    bool cellAt(const QPointF &pos, int *row, int *column) const;
    const core::MetricPrediction &metricOf(const core::BlockPrediction &p) const;

    QComboBox *m_axisBox;
    QComboBox *m_metricBox;
    QComboBox *m_scaleBox;
    QCustomPlot *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPItemRect *m_selection;
    std::shared_ptr<const PredictionResult> m_result;
    std::vector<std::vector<double>> m_cells;
    std::vector<int> m_rowBlocks; // block index per row
    QStringList m_columnLabels;
    int m_selected = -1;
};

} // namespace layerlens::ui
