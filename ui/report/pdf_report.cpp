#include "report/pdf_report.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace layerlens::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("layerlens::ui", text);
}

// The SVG at 3× its size, so that it stays sharp when printed.
QImage renderSvg(const QString &svg)
{
    QSvgRenderer renderer(svg.toUtf8());
    if (!renderer.isValid())
        return {};
    const QSize size = renderer.defaultSize() * 3;
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    renderer.render(&painter);
    return image;
}

} // namespace

bool writePdfReport(const core::NetworkReport &report, const QString &path, QString *error)
{
    {
        // QPdfWriter reports no open error of its own.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly)) {
            *error = tr("%1: cannot write: %2").arg(path, probe.errorString());
            return false;
        }
    }
    QTextDocument document;
    document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    for (const QString &name : core::reportPlotNames()) {
        const QImage image = renderSvg(core::reportPlotSvg(report, name));
        if (image.isNull()) {
            *error = tr("%1: the plot %2 could not be drawn").arg(path, name);
            return false;
        }
        document.addResource(QTextDocument::ImageResource, QUrl(name), image);
    }
    document.setHtml(core::reportToHtml(report, core::HtmlFlavor::RichText));

    QPdfWriter writer(path);
    writer.setTitle(
        tr("LayerLens report: %1").arg(QFileInfo(report.network.graph->path).fileName()));
    writer.setCreator(QStringLiteral("LayerLens"));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    // print() lays the document out with margins of its own (2 cm).
    document.print(&writer);
    QFile written(path);
    if (!written.exists() || written.size() == 0) {
        *error = tr("%1: the PDF could not be written").arg(path);
        return false;
    }
    return true;
}

bool writeReport(const core::NetworkReport &report, core::ReportFormat format, const QString &path,
                 QString *error)
{
    if (format == core::ReportFormat::Pdf)
        return writePdfReport(report, path, error);
    return core::writeTextReport(report, format, path, error);
}

} // namespace layerlens::ui
