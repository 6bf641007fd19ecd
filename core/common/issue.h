#pragma once

#include <QString>

#include <vector>

namespace layerlens::core {

// How serious a problem found while loading or analysing a network is.
enum class Severity
{
    Info,
    Warning,
    Error
};

// One non-fatal problem, shown in an Issues list (GUI) or on stderr (CLI).
struct Issue
{
    Severity severity = Severity::Warning;
    QString message;
    QString where; // node or tensor name the problem concerns; empty if global
};

using IssueList = std::vector<Issue>;

// "info", "warning" or "error": stable, untranslated, for machine-readable output.
QString severityKey(Severity severity);

// Translated severity for people.
QString severityLabel(Severity severity);

} // namespace layerlens::core
