#pragma once

#include "graph/analyzed_network.h"
#include "prediction/prediction_result.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

namespace layerlens::ui {

class BreakdownView;
class DesignSpaceView;
class HeatmapView;
class IssuesPanel;
class JobsPanel;
class LayerTableModel;
class ParametersPanel;
class SummaryPanel;

// The LayerLens main window: the Layers table in the centre; Device &
// parameters, Summary, Heatmap, Breakdown, Design space, Jobs and Issues docks.
// Loading, analysis, profile loading and prediction run on worker threads;
// the window never waits for them.
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
    // Chooses the device profile (built-in or saved name, or folder).
    void setDevice(const QString &nameOrDir);
    void setUtilization(int percent);
    void setThreads(int threads);
    // Latencies scaled to a machine this many times slower than the
    // profile's at calibration; reset to 1 when another profile loads.
    void setSpeedRatio(double ratio);
    // The latest prediction on screen (null before the first).
    std::shared_ptr<const PredictionResult> prediction() const { return m_prediction; }
    HeatmapView *heatmap() const { return m_heatmap; }
    DesignSpaceView *designSpace() const { return m_design; }
    BreakdownView *breakdown() const { return m_breakdown; }
    JobsPanel *jobs() const { return m_jobs; }
    ParametersPanel *parameters() const { return m_parameters; }

    // Writes a report of the prediction on screen to path, its format by the
    // extension (.html, .pdf, .csv, .json, .netron.json). False with an
    // error naming the file, or saying there is no prediction yet.
    bool exportReport(const QString &path, QString *error);

    // Resource path of the bundled sample network.
    static QString sampleNetworkPath();

Q_SIGNALS:
    void networkLoaded();
    void loadFailed(const QString &message);
    // A prediction of the network on screen is shown.
    void predicted();
    // The user chose another language in View > Language and agreed to
    // restart (the app's main restarts it with the same network).
    void restartRequested();
    // The chosen device profile could not be loaded.
    void profileFailed(const QString &message);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void chooseReportFile();
    void chooseLanguage(const QString &code);
    void createDocks();
    void startLoad();
    void onLoadFinished();
    void loadProfile(const QString &nameOrDir);
    void onProfileLoaded();
    void startPrediction();
    void onPredictionFinished();
    void selectBlock(int block);
    void updateIssues();
    void updateJobContext();
    void fillRecentMenu();
    void rememberRecent(const QString &path);
    void applyTheme(const QString &theme);
    void showError(const QString &message);
    void selectNode(const QString &name);
    void updateTitle();
    void rememberSpeedCheck(const QString &profile, double ratio);
    // The ratio Check speed last measured against the profile on this CPU; 0: none.
    double rememberedSpeedRatio(const QString &profile) const;

    LayerTableModel *m_layerModel;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_banner;
    QMenu *m_recentMenu = nullptr;
    QProgressBar *m_busy = nullptr;
    QCheckBox *m_showFolded;
    QLineEdit *m_filter;
    ParametersPanel *m_parameters;
    SummaryPanel *m_summary;
    IssuesPanel *m_issues;
    HeatmapView *m_heatmap;
    BreakdownView *m_breakdown;
    DesignSpaceView *m_design;
    JobsPanel *m_jobs;

    core::AnalyzedNetwork m_network;
    QString m_pendingPath;
    QFutureWatcher<core::AnalyzedNetwork> m_watcher;
    bool m_reloadQueued = false;

    struct ProfileLoad
    {
        std::shared_ptr<const core::DeviceProfile> profile;
        QString name;
        QString error;
    };
    std::shared_ptr<const core::DeviceProfile> m_profile;
    QString m_profileName;
    QFutureWatcher<ProfileLoad> m_profileWatcher;
    QString m_queuedProfile;
    struct PredictionJob
    {
        std::shared_ptr<const PredictionResult> result;
        QString error;
    };
    QFutureWatcher<PredictionJob> m_predictWatcher;
    bool m_predictQueued = false;
    std::shared_ptr<const PredictionResult> m_prediction;
    QAction *m_exportReport = nullptr;
};

} // namespace layerlens::ui
