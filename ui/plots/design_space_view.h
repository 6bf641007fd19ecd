#pragma once

#include "prediction/prediction_result.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QLabel;

namespace layerlens::ui {

// The Design space dock: every swept configuration as a point (latency
// against peak memory), coloured by batch size, the Pareto front drawn as a
// line; clicking a point applies its parameters.
class DesignSpaceView : public QWidget
{
    Q_OBJECT

public:
    explicit DesignSpaceView(QWidget *parent = nullptr);

    void setResult(std::shared_ptr<const PredictionResult> result);
    QCustomPlot *plot() const { return m_plot; }
    QWidget *plotWidget() const;
    // Widget coordinates of a configuration's point.
    QPointF configPixel(int index) const;
    // Index into the result's design space of the point nearest pos (pixels), or -1.
    int configAt(const QPointF &pos) const;

Q_SIGNALS:
    void configChosen(const core::PredictConfig &config);

private:
    QCustomPlot *m_plot;
    QLabel *m_hint;
    std::shared_ptr<const PredictionResult> m_result;
};

} // namespace layerlens::ui
