#pragma once

#include <QWidget>

class QComboBox;
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
    // One line about the loaded profile (device, accuracy), or an error.
    void setProfileStatus(const QString &text, bool error);

Q_SIGNALS:
    void deviceChanged(const QString &nameOrDir);
    void batchChanged(int batch);
    // Utilization or threads changed.
    void parametersChanged();

private:
    void fillDevices();

    QComboBox *m_device;
    QSpinBox *m_batch;
    QSpinBox *m_utilization;
    QSpinBox *m_threads;
    QLabel *m_status;
};

} // namespace layerlens::ui
