#pragma once

#include "graph/analyzed_network.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace layerlens::ui {

class IssuesPanel;
class LayerTableModel;
class SummaryPanel;

// The LayerLens main window: the Layers table in the centre, Summary and
// Issues docks, and the run-time parameters in the tool bar. Loading and
// analysis run on a worker thread; the window never waits for them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts loading path at the current batch size; networkLoaded or
    // loadFailed follows.
    void openNetwork(const QString &path);
    // The network on screen (empty before the first successful load).
    const core::AnalyzedNetwork &network() const { return m_network; }
    LayerTableModel *layerModel() const { return m_layerModel; }
    void setBatchSize(int batch);

    // Resource path of the bundled sample network.
    static QString sampleNetworkPath();

Q_SIGNALS:
    void networkLoaded();
    void loadFailed(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void startLoad();
    void onLoadFinished();
    void showError(const QString &message);
    void selectNode(const QString &name);
    void updateTitle();

    LayerTableModel *m_layerModel;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_banner;
    QSpinBox *m_batch;
    QCheckBox *m_showFolded;
    QLineEdit *m_filter;
    SummaryPanel *m_summary;
    IssuesPanel *m_issues;

    core::AnalyzedNetwork m_network;
    QString m_pendingPath;
    QFutureWatcher<core::AnalyzedNetwork> m_watcher;
    bool m_reloadQueued = false;
};

} // namespace layerlens::ui
