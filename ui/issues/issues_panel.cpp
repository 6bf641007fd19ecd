#include "issues/issues_panel.h"

#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace layerlens::ui {

IssuesPanel::IssuesPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setRootIsDecorated(false);
    setColumnCount(3);
    setHeaderLabels({tr("Severity"), tr("Problem"), tr("Where")});
    setWordWrap(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString where = item->text(2);
        if (!where.isEmpty())
            Q_EMIT locationActivated(where);
    });
}

void IssuesPanel::setIssues(const core::IssueList &issues)
{
    clear();
    std::vector<const core::Issue *> sorted;
    for (const core::Issue &issue : issues)
        sorted.push_back(&issue);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) {
        return static_cast<int>(a->severity) > static_cast<int>(b->severity);
    });
    for (const core::Issue *issue : sorted) {
        auto *item = new QTreeWidgetItem(
            this, {core::severityLabel(issue->severity), issue->message, issue->where});
        const QStyle::StandardPixmap icon =
            issue->severity == core::Severity::Error     ? QStyle::SP_MessageBoxCritical
            : issue->severity == core::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
        item->setToolTip(1, issue->message);
    }
    if (issues.empty())
        new QTreeWidgetItem(this,
                            {QString(), tr("No issues: every layer has a shape and a cost.")});
    resizeColumnToContents(0);
}

} // namespace layerlens::ui
