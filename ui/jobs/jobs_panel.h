#pragma once

#include "jobs/job_runner.h"
#include "predict/network_predictor.h"

#include <QHash>
#include <QWidget>

#include <map>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace layerlens::ui {

// The Jobs dock: starts profiling, network measurement and retraining on
// this device, shows each job's progress, ETA and log, and cancels them. All
// work runs off the GUI thread.
class JobsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobsPanel(QWidget *parent = nullptr);
    ~JobsPanel() override;

    // What the buttons act on: the network on screen and the chosen parameters.
    void setContext(const QString &networkPath, const core::PredictConfig &config);
    QString datasetPath() const;
    void setDatasetPath(const QString &path);
    // Where profiling and measurement run: "local" or a registered device's name.
    QString device() const;
    // Re-reads the registered devices (layerlens-cli devices add ...).
    void refreshDevices();

    // Start a job; returns its id.
    int startProfiling(double budgetSeconds, qint64 maxSamples);
    int startMeasurement();
    int startTraining(const QString &outDir);
    // Calibrates the profile on screen to this machine (see setBaseProfile).
    int startCalibration(double budgetSeconds, const QString &outDir);
    // Times this machine against the speed the profile on screen recorded.
    int startSpeedCheck();
    // The device profile the window predicts with: what calibration adapts.
    void setBaseProfile(const QString &nameOrDir) { m_baseProfile = nameOrDir; }
    QString baseProfile() const;
    void cancel(int id);
    // "running", "done", "failed" or "cancelled"; empty for an unknown id.
    QString status(int id) const;
    QString log() const;

Q_SIGNALS:
    void jobFinished(int id, const layerlens::ui::JobOutcome &outcome);
    // A retraining job wrote a profile there.
    void profileTrained(const QString &dir);
    // A speed check found this machine taking ratio times what profile's
    // machine took at calibration.
    void speedMeasured(double ratio, const QString &profile);

private:
    int start(const QString &title, JobBody body);
    void appendLog(const QString &line);
    void updateButtons();

    QHash<int, QString> m_speedChecks; // running speed checks: the profile each checks against
    QComboBox *m_device;
    QLineEdit *m_dataset;
    QDoubleSpinBox *m_budget;
    QPushButton *m_profile;
    QPushButton *m_measure;
    QPushButton *m_train;
    QPushButton *m_calibrate;
    QPushButton *m_speed;
    QPushButton *m_cancel;
    QTreeWidget *m_jobs;
    QPlainTextEdit *m_log;
    QString m_networkPath;
    core::PredictConfig m_config;
    QString m_baseProfile; // empty: the built-in default
    int m_nextId = 1;
    struct Entry
    {
        JobRunner *runner = nullptr;
        QTreeWidgetItem *item = nullptr;
        QString status;
    };
    std::map<int, Entry> m_entries;
};

} // namespace layerlens::ui
