#pragma once

#include "graph/analyzed_network.h"
#include "prediction/prediction_result.h"

#include <QTextBrowser>

namespace layerlens::ui {

// The Summary dock: the predicted totals on the chosen device, then the
// network's inputs, outputs and analytic totals with exact figures.
class SummaryPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit SummaryPanel(QWidget *parent = nullptr);

    void setNetwork(const core::AnalyzedNetwork &network);
    // Predicted totals of the network on screen; null clears them.
    void setPrediction(const PredictionResult *prediction);

private:
    void render();

    core::AnalyzedNetwork m_network;
    QString m_predictionHtml;
};

} // namespace layerlens::ui
