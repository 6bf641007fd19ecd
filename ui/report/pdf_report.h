#pragma once

#include "report/network_report.h"

#include <QString>

namespace layerlens::ui {

// Writes report as a paginated A4 PDF: the rich-text variant of the HTML
// report laid out by QTextDocument, its plots rendered from the same SVG.
// Needs a QGuiApplication (the CLI starts one with the offscreen platform).
// False with an error naming the file.
bool writePdfReport(const core::NetworkReport &report, const QString &path, QString *error);

// Writes report in format: PDF here, the others through core.
bool writeReport(const core::NetworkReport &report, core::ReportFormat format, const QString &path,
                 QString *error);

} // namespace layerlens::ui
