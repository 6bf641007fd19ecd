#include "jobs/jobs_panel.h"

#include "devices/device_registry.h"
#include "jobs/job_bodies.h"
#include "predict/profile_registry.h"
#include "profiling/dataset_store.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace layerlens::ui {

namespace {

enum JobColumn
{
    TitleColumn,
    StatusColumn,
    ProgressColumn,
    EtaColumn
};

QString etaText(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("-");
    const int s = static_cast<int>(seconds + 0.5);
    return s >= 60 ? QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1 s").arg(s);
}

} // namespace

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_device(new QComboBox)
    , m_dataset(new QLineEdit(core::defaultDatasetPath()))
    , m_budget(new QDoubleSpinBox)
    , m_profile(new QPushButton(tr("Profile this device")))
    , m_measure(new QPushButton(tr("Measure network")))
    , m_train(new QPushButton(tr("Retrain profile")))
    , m_calibrate(new QPushButton(tr("Calibrate profile")))
    , m_speed(new QPushButton(tr("Check speed")))
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_jobs(new QTreeWidget)
    , m_log(new QPlainTextEdit)
{
    m_budget->setRange(0.1, 600);
    m_budget->setValue(3);
    m_budget->setSuffix(tr(" min"));
    m_budget->setToolTip(tr("Time budget of a profiling job"));
    m_dataset->setToolTip(tr("SQLite dataset the profiling job writes and retraining reads"));
    m_device->setToolTip(tr("This machine, or a remote device registered with "
                            "'layerlens-cli devices add'"));
    refreshDevices();
    auto *form = new QFormLayout;
    form->addRow(tr("Run on"), m_device);
    form->addRow(tr("Dataset"), m_dataset);
    form->addRow(tr("Profiling budget"), m_budget);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_profile, m_measure, m_train, m_calibrate, m_speed, m_cancel})
        buttons->addWidget(b);
    buttons->addStretch();
    m_jobs->setColumnCount(4);
    m_jobs->setHeaderLabels({tr("Job"), tr("Status"), tr("Progress"), tr("ETA")});
    m_jobs->setRootIsDecorated(false);
    m_jobs->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_jobs, 1);
    layout->addWidget(m_log, 1);

    m_measure->setToolTip(tr("Measure the network on screen on this device at the chosen "
                             "parameters"));
    m_profile->setToolTip(tr("Measure module configurations (from the network on screen and "
                             "the default spec) into the dataset"));
    m_train->setToolTip(tr("Train a device profile from the dataset and switch to it"));
    connect(m_profile, &QPushButton::clicked, this,
            [this] { startProfiling(m_budget->value() * 60, 0); });
    connect(m_measure, &QPushButton::clicked, this, &JobsPanel::startMeasurement);
    connect(m_train, &QPushButton::clicked, this, [this] {
        const QString name =
            QStringLiteral("local-%1")
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        startTraining(QDir(core::savedProfilesDir()).filePath(name));
    });
    m_calibrate->setToolTip(tr("Adapt the profile on screen to this machine with a short "
                               "profiling job (the budget above) and a measurement of the network "
                               "on screen, then switch to the result"));
    connect(m_calibrate, &QPushButton::clicked, this, [this] {
        const QString name =
            QStringLiteral("calibrated-%1")
                .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        startCalibration(m_budget->value() * 60, QDir(core::savedProfilesDir()).filePath(name));
    });
    m_speed->setToolTip(tr("Time a fixed small network on this machine (3 s) and say how much "
                           "faster or slower it runs than when the profile on screen was "
                           "calibrated: how far its predictions are off here"));
    connect(m_speed, &QPushButton::clicked, this, &JobsPanel::startSpeedCheck);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_jobs->currentItem())
            cancel(item->data(TitleColumn, Qt::UserRole).toInt());
    });
    connect(m_jobs, &QTreeWidget::currentItemChanged, this, &JobsPanel::updateButtons);
    updateButtons();
}

JobsPanel::~JobsPanel()
{
    for (auto &[id, entry] : m_entries) {
        entry.runner->cancel();
        entry.runner->wait();
    }
}

void JobsPanel::setContext(const QString &networkPath, const core::PredictConfig &config)
{
    m_networkPath = networkPath;
    m_config = config;
    updateButtons();
}

QString JobsPanel::datasetPath() const
{
    return m_dataset->text();
}

void JobsPanel::setDatasetPath(const QString &path)
{
    m_dataset->setText(path);
}

QString JobsPanel::device() const
{
    return m_device->currentData().toString();
}

void JobsPanel::refreshDevices()
{
    const QString current = device();
    m_device->clear();
    m_device->addItem(tr("This machine"), QStringLiteral("local"));
    core::DeviceRegistry registry;
    QString error;
    if (registry.load(&error)) {
        for (const auto &d : registry.devices())
            m_device->addItem(QStringLiteral("%1 (%2)").arg(d.name, d.address), d.name);
    }
    m_device->setCurrentIndex(std::max(0, m_device->findData(current)));
}

int JobsPanel::startProfiling(double budgetSeconds, qint64 maxSamples)
{
    // Qt resources cannot be harvested from a file path; real files can.
    QStringList harvest;
    if (!m_networkPath.isEmpty() && !m_networkPath.startsWith(QLatin1Char(':')))
        harvest.append(m_networkPath);
    const QString title = maxSamples > 0
                              ? tr("Profile %1 samples").arg(maxSamples)
                              : tr("Profile for %1 min").arg(budgetSeconds / 60, 0, 'g', 3);
    if (device() != QLatin1String("local"))
        return start(
            tr("%1 on %2").arg(title, device()),
            remoteProfilingJob(device(), datasetPath(), budgetSeconds, maxSamples, harvest));
    return start(title, profilingJob(datasetPath(), budgetSeconds, maxSamples, harvest));
}

int JobsPanel::startMeasurement()
{
    if (device() != QLatin1String("local"))
        return start(tr("Measure %1 on %2").arg(QFileInfo(m_networkPath).fileName(), device()),
                     remoteMeasurementJob(device(), m_networkPath, m_config));
    return start(tr("Measure %1 (batch %2, %3 %, %4 thread(s))")
                     .arg(QFileInfo(m_networkPath).fileName())
                     .arg(m_config.batch)
                     .arg(m_config.utilization)
                     .arg(m_config.threads),
                 measurementJob(m_networkPath, m_config));
}

int JobsPanel::startTraining(const QString &outDir)
{
    return start(tr("Retrain into %1").arg(QDir(outDir).dirName()),
                 trainingJob(datasetPath(), outDir));
}

QString JobsPanel::baseProfile() const
{
    return m_baseProfile.isEmpty() ? QString::fromLatin1(core::kDefaultProfileName) : m_baseProfile;
}

int JobsPanel::startCalibration(double budgetSeconds, const QString &outDir)
{
    const QString base = baseProfile();
    return start(tr("Calibrate %1 into %2").arg(QDir(base).dirName(), QDir(outDir).dirName()),
                 calibrationJob(base, outDir, datasetPath(), budgetSeconds, m_networkPath));
}

int JobsPanel::startSpeedCheck()
{
    const QString base = baseProfile();
    const int id = start(tr("Check this machine's speed against %1").arg(QDir(base).dirName()),
                         speedCheckJob(base));
    m_speedChecks[id] = base;
    return id;
}

int JobsPanel::start(const QString &title, JobBody body)
{
    const int id = m_nextId++;
    auto *runner = new JobRunner(id, title, std::move(body), this);
    auto *item =
        new QTreeWidgetItem(m_jobs, {title, tr("running"), QString(), QStringLiteral("-")});
    item->setData(TitleColumn, Qt::UserRole, id);
    auto *bar = new QProgressBar;
    bar->setRange(0, 0); // busy until the first report
    bar->setMaximumHeight(m_jobs->fontMetrics().height() + 4);
    m_jobs->setItemWidget(item, ProgressColumn, bar);
    m_jobs->setCurrentItem(item);
    m_entries[id] = Entry{runner, item, QStringLiteral("running")};
    connect(runner, &JobRunner::reported, this, [this, item, bar, title](const JobReport &r) {
        if (r.fraction >= 0) {
            bar->setRange(0, 1000);
            bar->setValue(static_cast<int>(1000 * std::clamp(r.fraction, 0.0, 1.0)));
        }
        item->setText(EtaColumn, etaText(r.etaSeconds));
        if (!r.message.isEmpty())
            appendLog(QStringLiteral("%1: %2").arg(title, r.message));
    });
    connect(runner, &JobRunner::finished, this, [this, id, item, bar, title](const JobOutcome &o) {
        Entry &entry = m_entries[id];
        entry.status = o.ok          ? QStringLiteral("done")
                       : o.cancelled ? QStringLiteral("cancelled")
                                     : QStringLiteral("failed");
        item->setText(StatusColumn, o.ok          ? tr("done")
                                    : o.cancelled ? tr("cancelled")
                                                  : tr("failed"));
        item->setText(EtaColumn, QStringLiteral("-"));
        bar->setRange(0, 1000);
        if (o.ok)
            bar->setValue(1000);
        appendLog(QStringLiteral("%1: %2").arg(title, o.summary));
        updateButtons();
        Q_EMIT jobFinished(id, o);
        if (const QString checked = m_speedChecks.take(id); o.ok && o.speedRatio > 0)
            Q_EMIT speedMeasured(o.speedRatio, checked);
        if (o.ok && !o.profileDir.isEmpty())
            Q_EMIT profileTrained(o.profileDir);
    });
    appendLog(tr("%1: started").arg(title));
    runner->start();
    updateButtons();
    return id;
}

void JobsPanel::cancel(int id)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || !it->second.runner->running())
        return;
    it->second.runner->cancel();
    it->second.item->setText(StatusColumn, tr("cancelling"));
    appendLog(tr("%1: cancelling").arg(it->second.runner->title()));
}

QString JobsPanel::status(int id) const
{
    const auto it = m_entries.find(id);
    return it == m_entries.end() ? QString() : it->second.status;
}

QString JobsPanel::log() const
{
    return m_log->toPlainText();
}

void JobsPanel::appendLog(const QString &line)
{
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(
        QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), line));
}

void JobsPanel::updateButtons()
{
    const bool haveNetwork = !m_networkPath.isEmpty();
    m_measure->setEnabled(haveNetwork);
    const QTreeWidgetItem *item = m_jobs->currentItem();
    const auto it =
        item ? m_entries.find(item->data(TitleColumn, Qt::UserRole).toInt()) : m_entries.end();
    m_cancel->setEnabled(it != m_entries.end() && it->second.runner->running());
}

} // namespace layerlens::ui
