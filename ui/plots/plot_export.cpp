#include "plots/plot_export.h"

#include <qcustomplot.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSvgGenerator>

namespace layerlens::ui {

bool exportPlot(QCustomPlot *plot, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, plot->width(), plot->height(), 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, plot->width(), plot->height());
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(plot->size());
        svg.setViewBox(QRect(QPoint(0, 0), plot->size()));
        svg.setTitle(plot->windowTitle());
        QCPPainter painter;
        if (painter.begin(&svg)) {
            plot->toPainter(&painter, plot->width(), plot->height());
            ok = painter.end();
        }
    } else {
        *error =
            QCoreApplication::translate("PlotExport", "%1: choose .png, .svg or .pdf").arg(path);
        return false;
    }
    if (!ok)
        *error = QCoreApplication::translate("PlotExport", "%1: cannot write the file").arg(path);
    return ok;
}

void exportPlotInteractively(QCustomPlot *plot, QWidget *parent, const QString &suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("PlotExport", "Export Plot"), suggestedName,
        QCoreApplication::translate("PlotExport", "PNG image (*.png);;SVG image (*.svg);;PDF "
                                                  "document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPlot(plot, path, &error))
        QMessageBox::warning(parent, QCoreApplication::translate("PlotExport", "Export Plot"),
                             error);
}

void addExportMenu(QCustomPlot *plot, const QString &suggestedName)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot,
                     [plot, suggestedName](const QPoint &pos) {
                         QMenu menu(plot);
                         menu.addAction(QCoreApplication::translate("PlotExport", "Export..."),
                                        plot, [plot, suggestedName] {
                                            exportPlotInteractively(plot, plot, suggestedName);
                                        });
                         menu.exec(plot->mapToGlobal(pos));
                     });
}

} // namespace layerlens::ui
