#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace layerlens::ui {

// Writes plot to path as PNG, SVG or PDF (by the extension). False with error.
bool exportPlot(QCustomPlot *plot, const QString &path, QString *error);

// Asks for a file and exports plot there; reports failures in a message box.
void exportPlotInteractively(QCustomPlot *plot, QWidget *parent, const QString &suggestedName);

// Adds "Export..." to plot's context menu.
void addExportMenu(QCustomPlot *plot, const QString &suggestedName);

} // namespace layerlens::ui
