#pragma once

#include "graph/analyzed_network.h"

#include <QTextBrowser>

namespace layerlens::ui {

// The Summary dock: the network's inputs, outputs and totals with exact figures.
class SummaryPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit SummaryPanel(QWidget *parent = nullptr);

    void setNetwork(const core::AnalyzedNetwork &network);
};

} // namespace layerlens::ui
