#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace layerlens::ui {

// The Device & parameters dock: which device profile predicts, and the
// run-time parameters (batch size, utilization, threads).
class ParametersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ParametersPanel(QWidget *parent = nullptr);

    // The chosen profile: a built-in or saved name, or a folder.
    QString device() const;
    void setDevice(const QString &nameOrDir);
    int batch() const;
    void setBatch(int batch);
    int utilization() const;
    void setUtilization(int percent);
    int threads() const;
    void setThreads(int threads);
    // Latencies are scaled to a machine this many times slower than the
    // profile's at calibration (1: as predicted); "Check speed" sets it.
    double speedRatio() const;
    void setSpeedRatio(double ratio);
    // One line about the loaded profile (device, accuracy), or an error.
    // The line under the parameters; details, where given, in its tooltip.
    void setProfileStatus(const QString &text, bool error, const QString &details = {});
    QString profileStatus() const;
    QString profileStatusDetails() const; // its tooltip

Q_SIGNALS:
    void deviceChanged(const QString &nameOrDir);
    void batchChanged(int batch);
    // Utilization, threads or the speed ratio changed.
    void parametersChanged();

private:
    void fillDevices();

    QComboBox *m_device;
    QSpinBox *m_batch;
    QSpinBox *m_utilization;
    QSpinBox *m_threads;
    QDoubleSpinBox *m_speed;
    QLabel *m_status;
};

} // namespace layerlens::ui
