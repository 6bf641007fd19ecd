#include "prediction/parameters_panel.h"

#include "predict/profile_registry.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QThread>

namespace layerlens::ui {

namespace {

constexpr int kFolderRole = Qt::UserRole + 1; // the "Choose a folder..." entry

} // namespace

ParametersPanel::ParametersPanel(QWidget *parent)
    : QWidget(parent)
    , m_device(new QComboBox)
    , m_batch(new QSpinBox)
    , m_utilization(new QSpinBox)
    , m_threads(new QSpinBox)
    , m_speed(new QDoubleSpinBox)
    , m_status(new QLabel)
{
    auto *form = new QFormLayout(this);
    form->addRow(tr("Device"), m_device);
    form->addRow(tr("Batch size"), m_batch);
    form->addRow(tr("Utilization"), m_utilization);
    form->addRow(tr("Threads"), m_threads);
    form->addRow(tr("Machine speed"), m_speed);
    form->addRow(m_status);

    m_device->setToolTip(tr("The device profile whose models predict"));
    m_batch->setRange(1, 65536);
    m_batch->setToolTip(tr("Value of the inputs' symbolic batch dimension"));
    m_utilization->setRange(0, 95);
    m_utilization->setSingleStep(5);
    m_utilization->setSuffix(tr(" %"));
    m_utilization->setToolTip(tr("Share of the device busy with other work"));
    m_threads->setRange(1, std::max(1, QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Threads the inference runtime uses"));
    m_speed->setRange(0.1, 10);
    m_speed->setDecimals(3);
    m_speed->setSingleStep(0.01);
    m_speed->setValue(1);
    m_speed->setPrefix(QStringLiteral("x"));
    m_speed->setToolTip(tr("Scale every latency to a machine that takes this many times what "
                           "the profile's machine took at calibration (1: as predicted). Jobs > "
                           "Check speed measures it for this machine."));
    m_status->setWordWrap(true);
    // Two lines: a profile's name and machine, and another CPU than this one.
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing());
    fillDevices();

    connect(m_device, &QComboBox::activated, this, [this](int index) {
        if (m_device->itemData(index, kFolderRole).toBool()) {
            const QString dir = QFileDialog::getExistingDirectory(
                this, tr("Choose a Device Profile Folder"), QString());
            if (dir.isEmpty())
                return;
            setDevice(dir);
        }
        Q_EMIT deviceChanged(device());
    });
    connect(m_batch, &QSpinBox::valueChanged, this, &ParametersPanel::batchChanged);
    connect(m_utilization, &QSpinBox::valueChanged, this, &ParametersPanel::parametersChanged);
    connect(m_threads, &QSpinBox::valueChanged, this, &ParametersPanel::parametersChanged);
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, &ParametersPanel::parametersChanged);
}

void ParametersPanel::fillDevices()
{
    m_device->clear();
    for (const QString &name : core::builtinProfiles())
        m_device->addItem(tr("%1 (built in)").arg(name), name);
    const QDir saved(core::savedProfilesDir());
    for (const QString &name : saved.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        m_device->addItem(name, saved.filePath(name));
    m_device->addItem(tr("Choose a folder..."));
    m_device->setItemData(m_device->count() - 1, true, kFolderRole);
    const int preferred = m_device->findData(QString::fromLatin1(core::kDefaultProfileName));
    m_device->setCurrentIndex(std::max(preferred, 0));
}

QString ParametersPanel::device() const
{
    return m_device->currentData().toString();
}

void ParametersPanel::setDevice(const QString &nameOrDir)
{
    int index = m_device->findData(nameOrDir);
    if (index < 0) {
        index = m_device->count() - 1; // before "Choose a folder..."
        m_device->insertItem(index, QDir(nameOrDir).dirName(), nameOrDir);
    }
    m_device->setCurrentIndex(index);
}

int ParametersPanel::batch() const
{
    return m_batch->value();
}

void ParametersPanel::setBatch(int batch)
{
    m_batch->setValue(batch);
}

int ParametersPanel::utilization() const
{
    return m_utilization->value();
}

void ParametersPanel::setUtilization(int percent)
{
    m_utilization->setValue(percent);
}

int ParametersPanel::threads() const
{
    return m_threads->value();
}

void ParametersPanel::setThreads(int threads)
{
    m_threads->setValue(threads);
}

double ParametersPanel::speedRatio() const
{
    return m_speed->value();
}

void ParametersPanel::setSpeedRatio(double ratio)
{
    m_speed->setValue(ratio);
}

QString ParametersPanel::profileStatus() const
{
    return m_status->text();
}

QString ParametersPanel::profileStatusDetails() const
{
    return m_status->toolTip();
}

void ParametersPanel::setProfileStatus(const QString &text, bool error, const QString &details)
{
    m_status->setText(text);
    m_status->setToolTip(details);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b") : QString());
}

} // namespace layerlens::ui
