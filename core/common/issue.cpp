#include "common/issue.h"

#include <QCoreApplication>

namespace layerlens::core {

QString severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QString();
}

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QCoreApplication::translate("layerlens", "info");
    case Severity::Warning:
        return QCoreApplication::translate("layerlens", "warning");
    case Severity::Error:
        return QCoreApplication::translate("layerlens", "error");
    }
    return QString();
}

} // namespace layerlens::core
