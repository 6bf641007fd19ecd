#pragma once

#include "common/issue.h"

#include <QTreeWidget>

namespace layerlens::ui {

// The Issues dock: problems found while loading and analysing, worst first.
// Activating one that concerns a node asks for that node to be shown.
class IssuesPanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit IssuesPanel(QWidget *parent = nullptr);

    void setIssues(const core::IssueList &issues);

Q_SIGNALS:
    // The user activated an issue about the node or tensor with this name.
    void locationActivated(const QString &where);
};

} // namespace layerlens::ui
