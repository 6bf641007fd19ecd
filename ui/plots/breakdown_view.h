#pragma once

#include "prediction/prediction_result.h"

#include <QWidget>

#include <memory>

class QCustomPlot;

namespace layerlens::ui {

// The Breakdown dock: predicted latency per operator type (blocks grouped
// by their operators, "Conv+Relu" say) at the chosen parameters, with each
// one's share of the total. (The Layers table sorts by latency for the
// slowest single layers.)
class BreakdownView : public QWidget
{
    Q_OBJECT

public:
    explicit BreakdownView(QWidget *parent = nullptr);

    void setResult(std::shared_ptr<const PredictionResult> result);
    // Operator types and their summed latency (ms), largest first.
    const std::vector<std::pair<QString, double>> &byOperator() const { return m_byOperator; }
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    std::vector<std::pair<QString, double>> m_byOperator;
};

} // namespace layerlens::ui
