#include "main_window.h"

#include "common/language.h"
#include "devices/device_info.h"
#include "issues/issues_panel.h"
#include "jobs/jobs_panel.h"
#include "model/layer_table_model.h"
#include "plots/breakdown_view.h"
#include "plots/design_space_view.h"
#include "plots/heatmap_view.h"
#include "predict/profile_registry.h"
#include "prediction/parameters_panel.h"
#include "report/pdf_report.h"
#include "summary_panel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPalette>
#include <QProgressBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QVariantMap>
#include <QtConcurrent/QtConcurrentRun>

namespace layerlens::ui {

namespace {

QString droppedOnnxFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return QString();
    for (const QUrl &url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".onnx"), Qt::CaseInsensitive))
            return path;
    }
    return QString();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_layerModel(new LayerTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_banner(new QLabel)
    , m_showFolded(new QCheckBox(tr("Show folded nodes")))
    , m_filter(new QLineEdit)
    , m_parameters(new ParametersPanel)
    , m_summary(new SummaryPanel)
    , m_issues(new IssuesPanel)
    , m_heatmap(new HeatmapView)
    , m_breakdown(new BreakdownView)
    , m_design(new DesignSpaceView)
    , m_jobs(new JobsPanel)
{
    setAcceptDrops(true);
    m_proxy->setSourceModel(m_layerModel);
    m_proxy->setSortRole(LayerTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LayerTableModel::IndexColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; padding: "
                                           "6px; border: 1px solid #e6b0aa; }"));
    m_banner->hide();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_table);
    setCentralWidget(central);

    createActions();
    createDocks();
    connect(&m_watcher, &QFutureWatcher<core::AnalyzedNetwork>::finished, this,
            &MainWindow::onLoadFinished);
    connect(&m_profileWatcher, &QFutureWatcher<ProfileLoad>::finished, this,
            &MainWindow::onProfileLoaded);
    connect(&m_predictWatcher, &QFutureWatcher<PredictionJob>::finished, this,
            &MainWindow::onPredictionFinished);
    connect(m_issues, &IssuesPanel::locationActivated, this, &MainWindow::selectNode);
    connect(m_heatmap, &HeatmapView::blockClicked, this, &MainWindow::selectBlock);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_prediction || !current.isValid())
                    return;
                const int node = m_proxy->data(current, LayerTableModel::NodeIndexRole).toInt();
                if (node >= 0 && node < static_cast<int>(m_prediction->blockOfNode.size()))
                    m_heatmap->selectBlock(m_prediction->blockOfNode[node]);
            });
    connect(m_design, &DesignSpaceView::configChosen, this, [this](const core::PredictConfig &c) {
        m_parameters->setUtilization(c.utilization);
        m_parameters->setThreads(c.threads);
        m_parameters->setBatch(c.batch);
    });
    connect(m_parameters, &ParametersPanel::deviceChanged, this, &MainWindow::loadProfile);
    connect(m_parameters, &ParametersPanel::batchChanged, this, [this] {
        if (!m_pendingPath.isEmpty())
            startLoad();
    });
    connect(m_parameters, &ParametersPanel::parametersChanged, this, &MainWindow::startPrediction);
    connect(m_parameters, &ParametersPanel::parametersChanged, this, &MainWindow::updateJobContext);
    connect(m_jobs, &JobsPanel::profileTrained, this, &MainWindow::setDevice);
    // "Check speed" against the profile on screen scales its latencies.
    // Remembered for this profile on this CPU, so that the next session
    // starts from it.
    connect(m_jobs, &JobsPanel::speedMeasured, this, [this](double ratio, const QString &profile) {
        rememberSpeedCheck(profile, ratio);
        if (profile == m_profileName)
            m_parameters->setSpeedRatio(ratio);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1280, 800);
    updateTitle();
    statusBar()->showMessage(tr("Drop an ONNX file on the window, or use File > Open."));
    // Busy while a network loads or predictions are computed.
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setMaximumHeight(statusBar()->fontMetrics().height() + 4);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    loadProfile(m_parameters->device());
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
    m_profileWatcher.waitForFinished();
    m_predictWatcher.waitForFinished();
}

QString MainWindow::sampleNetworkPath()
{
    return QStringLiteral(":/layerlens/samples/squeezenet1_1.onnx");
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Network"), QString(), tr("ONNX networks (*.onnx);;All files (*)"));
        if (!path.isEmpty())
            openNetwork(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Open &Sample Network"), this, [this] { openNetwork(sampleNetworkPath()); });
    file->addSeparator();
    m_exportReport = file->addAction(tr("&Export Report..."), this, &MainWindow::chooseReportFile);
    m_exportReport->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportReport->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QToolBar *bar = addToolBar(tr("Parameters"));
    bar->setObjectName(QStringLiteral("parametersToolBar"));
    bar->addAction(open);
    bar->addSeparator();
    bar->addWidget(m_showFolded);
    bar->addSeparator();
    m_filter->setPlaceholderText(tr("Filter layers (name, op, shape...)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(320);
    bar->addWidget(m_filter);

    connect(m_showFolded, &QCheckBox::toggled, m_layerModel, &LayerTableModel::setShowFolded);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
}

void MainWindow::createDocks()
{
    auto dock = [this](QWidget *widget, const QString &title, const char *name,
                       Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    // Right: what is predicted for (device, parameters) above the heatmap,
    // which wants height for its rows of layers. Bottom: the other views, tabbed.
    QDockWidget *parametersDock =
        dock(m_parameters, tr("Device & parameters"), "parametersDock", Qt::RightDockWidgetArea);
    QDockWidget *heatmapDock =
        dock(m_heatmap, tr("Heatmap"), "heatmapDock", Qt::RightDockWidgetArea);
    QDockWidget *summaryDock =
        dock(m_summary, tr("Summary"), "summaryDock", Qt::BottomDockWidgetArea);
    QDockWidget *breakdownDock =
        dock(m_breakdown, tr("Breakdown"), "breakdownDock", Qt::BottomDockWidgetArea);
    QDockWidget *designDock =
        dock(m_design, tr("Design space"), "designSpaceDock", Qt::BottomDockWidgetArea);
    QDockWidget *jobsDock = dock(m_jobs, tr("Jobs"), "jobsDock", Qt::BottomDockWidgetArea);
    QDockWidget *issuesDock = dock(m_issues, tr("Issues"), "issuesDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(breakdownDock, summaryDock);
    tabifyDockWidget(summaryDock, designDock);
    tabifyDockWidget(designDock, jobsDock);
    tabifyDockWidget(jobsDock, issuesDock);
    breakdownDock->raise();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *d : {parametersDock, summaryDock, heatmapDock, breakdownDock, designDock,
                           jobsDock, issuesDock})
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("view/theme")).toString();
    for (const auto &[key, label] : {std::pair{QStringLiteral("light"), tr("&Light")},
                                     std::pair{QStringLiteral("dark"), tr("&Dark")}}) {
        QAction *a = theme->addAction(label, this, [this, key = key] {
            applyTheme(key);
            QSettings().setValue(QStringLiteral("view/theme"), key);
        });
        a->setCheckable(true);
        a->setChecked(key == (current.isEmpty() ? QStringLiteral("light") : current));
        themes->addAction(a);
    }
    if (current == QLatin1String("dark"))
        applyTheme(current);
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString chosen = core::languageSetting();
    QStringList codes{QString()};
    codes += core::availableLanguages();
    for (const QString &code : codes) {
        // Each language in its own words, so that it can be found from any.
        QAction *a = language->addAction(
            code.isEmpty() ? tr("System default (%1)")
                                 .arg(core::languageName(core::resolveLanguage(QString())))
                           : core::languageName(code),
            this, [this, code] { chooseLanguage(code); });
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setData(code);
        languages->addAction(a);
    }
    resizeDocks({breakdownDock}, {170}, Qt::Vertical);
    resizeDocks({parametersDock, heatmapDock}, {150, 600}, Qt::Vertical);
    resizeDocks({parametersDock}, {560}, Qt::Horizontal);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LayerLens"), this, [this] {
        QMessageBox::about(this, tr("About LayerLens"),
                           tr("<b>LayerLens %1</b><p>Per-layer cost of deep-learning "
                              "inference: shapes, MACs, FLOPs and parameters of every layer of "
                              "an ONNX network, and its predicted latency, memory and energy on "
                              "a device.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setBatchSize(int batch)
{
    m_parameters->setBatch(batch);
}

void MainWindow::setDevice(const QString &nameOrDir)
{
    m_parameters->setDevice(nameOrDir);
    loadProfile(nameOrDir);
}

void MainWindow::setUtilization(int percent)
{
    m_parameters->setUtilization(percent);
}

void MainWindow::setSpeedRatio(double ratio)
{
    m_parameters->setSpeedRatio(ratio);
}

void MainWindow::setThreads(int threads)
{
    m_parameters->setThreads(threads);
}

void MainWindow::openNetwork(const QString &path)
{
    m_pendingPath = path;
    startLoad();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this, [this, path] { openNetwork(path); })
            ->setToolTip(path);
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::rememberRecent(const QString &path)
{
    if (path.startsWith(QLatin1Char(':')))
        return; // the bundled sample has its own menu entry
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
}

void MainWindow::applyTheme(const QString &theme)
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette palette = QApplication::style()->standardPalette();
    if (theme == QLatin1String("dark")) {
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
        palette.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::Highlight, QColor(0x1e, 0x88, 0xe5));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::ToolTipBase, QColor(0x33, 0x33, 0x33));
        palette.setColor(QPalette::ToolTipText, QColor(0xe0, 0xe0, 0xe0));
        palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    }
    QApplication::setPalette(palette);
}

void MainWindow::startLoad()
{
    if (m_watcher.isRunning()) {
        m_reloadQueued = true; // the newest request wins once this one ends
        return;
    }
    core::LoadOptions options;
    options.batch = m_parameters->batch();
    options.keepWeightData = false;
    const QString path = m_pendingPath;
    statusBar()->showMessage(tr("Analysing %1...").arg(QFileInfo(path).fileName()));
    m_busy->show();
    m_watcher.setFuture(
        QtConcurrent::run([path, options] { return core::loadAndAnalyze(path, options); }));
}

void MainWindow::onLoadFinished()
{
    if (m_reloadQueued) {
        m_reloadQueued = false;
        startLoad();
        return;
    }
    const core::AnalyzedNetwork result = m_watcher.result();
    m_busy->setVisible(m_predictWatcher.isRunning());
    if (!result.ok()) {
        QString message = result.error;
        if (!result.unboundDims.isEmpty())
            message += tr(" (LayerLens binds only the batch dimension from this window.)");
        showError(message);
        // The previous network stays on screen and keeps its own path.
        m_pendingPath = m_network.ok() ? m_network.graph->path : QString();
        return;
    }
    m_banner->hide();
    rememberRecent(result.graph->path);
    m_network = result;
    m_layerModel->setNetwork(m_network);
    m_table->resizeColumnsToContents();
    m_summary->setNetwork(m_network);
    updateIssues();
    updateTitle();
    statusBar()->showMessage(tr("%1: %2 layers, batch %3")
                                 .arg(QFileInfo(m_network.graph->path).fileName())
                                 .arg(m_network.analysis.totals.layers)
                                 .arg(m_parameters->batch()));
    updateJobContext();
    Q_EMIT networkLoaded();
    startPrediction();
}

void MainWindow::updateJobContext()
{
    m_jobs->setContext(
        m_network.ok() ? m_network.graph->path : QString(),
        {m_parameters->batch(), m_parameters->utilization(), m_parameters->threads()});
}

void MainWindow::loadProfile(const QString &nameOrDir)
{
    if (m_profileWatcher.isRunning()) {
        m_queuedProfile = nameOrDir.isEmpty() ? QStringLiteral(" ") : nameOrDir;
        return;
    }
    m_parameters->setProfileStatus(tr("Loading the device profile..."), false);
    m_profileWatcher.setFuture(QtConcurrent::run([nameOrDir] {
        ProfileLoad load;
        std::unique_ptr<core::DeviceProfile> profile =
            core::loadProfile(nameOrDir, &load.name, &load.error);
        load.profile = std::move(profile);
        return load;
    }));
}

void MainWindow::onProfileLoaded()
{
    if (!m_queuedProfile.isEmpty()) {
        const QString next = m_queuedProfile.trimmed();
        m_queuedProfile.clear();
        loadProfile(next);
        return;
    }
    const ProfileLoad load = m_profileWatcher.result();
    if (!load.profile) {
        // The previous profile, if any, keeps predicting.
        m_parameters->setProfileStatus(load.error, true);
        Q_EMIT profileFailed(load.error);
        return;
    }
    m_profile = load.profile;
    // A speed ratio measured against another profile does not carry over.
    if (!m_profileName.isEmpty() && load.name != m_profileName) {
        const QSignalBlocker quiet(m_parameters);
        m_parameters->setSpeedRatio(1);
    }
    const bool otherProfile = load.name != m_profileName;
    m_profileName = load.name;
    m_jobs->setBaseProfile(m_profileName);
    // The speed Check speed last measured against it here.
    if (otherProfile) {
        if (const double remembered = rememberedSpeedRatio(m_profileName); remembered > 0) {
            const QSignalBlocker quiet(m_parameters);
            m_parameters->setSpeedRatio(remembered);
            statusBar()->showMessage(
                tr("Machine speed x%1, as Check speed measured it against %2 on this CPU (Jobs "
                   "> Check speed measures it again)")
                    .arg(remembered, 0, 'f', 3)
                    .arg(m_profileName));
        }
    }
    const QString cpu = m_profile->deviceInfo.value(QStringLiteral("cpu")).toString();
    const QString trainedOn = cpu.isEmpty() ? m_profile->device : cpu;
    // Its times are its machine's: say so where this one is another CPU.
    if (const QString here = core::localCpuModel(); !cpu.isEmpty() && here != cpu) {
        m_parameters->setProfileStatus(
            tr("%1: %2 modules, trained on %3, not on this machine's %4")
                .arg(m_profileName)
                .arg(m_profile->modules.size())
                .arg(trainedOn, here),
            false,
            tr("Its times are that machine's. Jobs > Check speed says how far this machine's "
               "are; Calibrate profile adapts the profile to it."));
    } else {
        m_parameters->setProfileStatus(tr("%1: %2 modules, trained on %3")
                                           .arg(m_profileName)
                                           .arg(m_profile->modules.size())
                                           .arg(trainedOn),
                                       false);
    }
    startPrediction();
}

void MainWindow::startPrediction()
{
    if (!m_network.ok() || !m_profile)
        return;
    if (m_predictWatcher.isRunning()) {
        m_predictQueued = true; // the newest parameters win once this one ends
        return;
    }
    const core::AnalyzedNetwork network = m_network;
    const auto profile = m_profile;
    const QString name = m_profileName;
    const core::PredictConfig config{m_parameters->batch(), m_parameters->utilization(),
                                     m_parameters->threads()};
    const double speedRatio = m_parameters->speedRatio();
    m_busy->show();
    m_predictWatcher.setFuture(QtConcurrent::run([network, profile, name, config, speedRatio] {
        PredictionJob job;
        job.result = computePrediction(network, profile, name, config, &job.error, speedRatio);
        return job;
    }));
}

void MainWindow::onPredictionFinished()
{
    if (m_predictQueued) {
        m_predictQueued = false;
        startPrediction();
        return;
    }
    const PredictionJob job = m_predictWatcher.result();
    m_busy->setVisible(m_watcher.isRunning());
    if (!job.result || !job.result->predictor) {
        m_parameters->setProfileStatus(job.error, true);
        return;
    }
    if (job.result->network.graph != m_network.graph) {
        startPrediction(); // the network changed while predicting
        return;
    }
    m_prediction = job.result;
    m_exportReport->setEnabled(true);
    m_layerModel->setPrediction(m_prediction);
    m_summary->setPrediction(m_prediction.get());
    m_heatmap->setResult(m_prediction);
    m_breakdown->setResult(m_prediction);
    m_design->setResult(m_prediction);
    updateIssues();
    const core::ConfigPrediction &p = m_prediction->current;
    statusBar()->showMessage(tr("%1: predicted %2 ms at batch %3, utilization %4 %, %5 thread(s) "
                                "on %6 (%7 configurations in %8 ms)%9")
                                 .arg(QFileInfo(m_network.graph->path).fileName())
                                 .arg(p.latencyMs.value, 0, 'f', 2)
                                 .arg(p.config.batch)
                                 .arg(p.config.utilization)
                                 .arg(p.config.threads)
                                 .arg(m_prediction->profileName)
                                 .arg(m_prediction->designSpace.size() + 1)
                                 .arg(m_prediction->predictMicros / 1000, 0, 'f', 1)
                                 .arg(m_prediction->speedRatio != 1
                                          ? tr("; latencies scaled x%1 to this machine's speed")
                                                .arg(m_prediction->speedRatio, 0, 'f', 3)
                                          : QString()));
    Q_EMIT predicted();
}

void MainWindow::selectBlock(int block)
{
    if (!m_prediction || block < 0 || block >= static_cast<int>(m_prediction->blocks().size()))
        return;
    const int node = m_prediction->blocks()[block].nodes.front();
    selectNode(m_network.graph->nodes[node].name);
}

void MainWindow::updateIssues()
{
    core::IssueList issues = m_network.ok() ? m_network.analysis.issues : core::IssueList{};
    if (m_prediction && m_prediction->network.graph == m_network.graph) {
        const auto &blocks = m_prediction->blocks();
        for (size_t b = 0; b < blocks.size(); ++b) {
            const QString &name = m_network.graph->nodes[blocks[b].nodes.front()].name;
            if (blocks[b].module.isEmpty())
                issues.push_back(
                    {core::Severity::Info, tr("No model: %1").arg(blocks[b].reason), name});
            const auto &p = m_prediction->current.blocks[b];
            if (p.outOfDistribution)
                issues.push_back({core::Severity::Warning,
                                  tr("Out of distribution: %1").arg(p.outOfDistributionReason()),
                                  name});
        }
        if (!m_prediction->current.energyJ.available)
            issues.push_back({core::Severity::Info,
                              tr("Energy is unavailable: the profiled device had no energy "
                                 "sensor."),
                              QString()});
    }
    m_issues->setIssues(issues);
}

void MainWindow::showError(const QString &message)
{
    m_banner->setText(tr("Could not open the network. %1").arg(message.toHtmlEscaped()));
    m_banner->show();
    statusBar()->showMessage(tr("Loading failed"));
    Q_EMIT loadFailed(message);
}

void MainWindow::selectNode(const QString &name)
{
    if (!m_network.ok())
        return;
    for (size_t n = 0; n < m_network.graph->nodes.size(); ++n) {
        if (m_network.graph->nodes[n].name != name)
            continue;
        const int row = m_layerModel->rowOfNode(static_cast<int>(n));
        if (row < 0)
            return;
        const QModelIndex index = m_proxy->mapFromSource(m_layerModel->index(row, 0));
        m_table->selectRow(index.row());
        m_table->scrollTo(index);
        return;
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_network.ok()
                       ? tr("%1 - LayerLens").arg(QFileInfo(m_network.graph->path).fileName())
                       : tr("LayerLens"));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedOnnxFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedOnnxFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openNetwork(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

bool MainWindow::exportReport(const QString &path, QString *error)
{
    if (!m_prediction || !m_prediction->predictor) {
        *error = tr("There is no prediction to report yet.");
        return false;
    }
    core::ReportFormat format;
    if (!core::reportFormatForPath(path, &format)) {
        *error = tr("%1: choose .html, .pdf, .csv, .json or .netron.json").arg(path);
        return false;
    }
    core::NetworkReport report;
    return core::buildNetworkReport(m_prediction->network, m_prediction->profile,
                                    m_prediction->profileName, m_prediction->config, &report, error,
                                    m_prediction->speedRatio) &&
           writeReport(report, format, path, error);
}

void MainWindow::chooseReportFile()
{
    if (!m_prediction)
        return;
    QSettings settings;
    const QString base = QFileInfo(m_network.graph->path).completeBaseName();
    const QString dir = settings.value(QStringLiteral("reportDir")).toString();
    QString selected = tr("HTML report (*.html)");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), QDir(dir).filePath(base + QStringLiteral(".html")),
        QStringList{tr("HTML report (*.html)"), tr("PDF report (*.pdf)"),
                    tr("CSV, one row per layer (*.csv)"), tr("JSON, the full result (*.json)"),
                    tr("Netron attachment (*.netron.json)")}
            .join(QStringLiteral(";;")),
        &selected);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("reportDir"), QFileInfo(path).absolutePath());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool ok = exportReport(path, &error);
    QApplication::restoreOverrideCursor();
    if (ok)
        statusBar()->showMessage(tr("Report written to %1").arg(path), 8000);
    else
        QMessageBox::warning(this, tr("Export Report"), error);
}

void MainWindow::chooseLanguage(const QString &code)
{
    if (code == core::languageSetting())
        return;
    core::setLanguageSetting(code);
    const QString language = core::resolveLanguage(code);
    if (language == core::currentLanguage())
        return;
    // Asked in the language chosen, which the user reads best.
    const QString previous = core::currentLanguage();
    core::installTranslations(language);
    const auto answer = QMessageBox::question(
        this, tr("Language"),
        tr("LayerLens shows %1 after a restart. Restart now? The network and the parameters "
           "stay; running jobs are cancelled.")
            .arg(core::languageName(language)));
    if (answer == QMessageBox::Yes)
        Q_EMIT restartRequested();
    else
        core::installTranslations(previous); // one language on screen until the restart
}

// Kept per profile, with the CPU it was measured on: QSettings group
// "speedChecks", keys the profile's name hex-encoded (a path has slashes).
void MainWindow::rememberSpeedCheck(const QString &profile, double ratio)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("speedChecks"));
    settings.setValue(QString::fromLatin1(profile.toUtf8().toHex()),
                      QVariantMap{{QStringLiteral("ratio"), ratio},
                                  {QStringLiteral("cpu"), core::localCpuModel()},
                                  {QStringLiteral("when"), QDateTime::currentDateTime()}});
}

double MainWindow::rememberedSpeedRatio(const QString &profile) const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("speedChecks"));
    const QVariantMap check = settings.value(QString::fromLatin1(profile.toUtf8().toHex())).toMap();
    const double ratio = check.value(QStringLiteral("ratio")).toDouble();
    if (check.value(QStringLiteral("cpu")).toString() != core::localCpuModel() || ratio < 0.1 ||
        ratio > 10)
        return 0; // another CPU's, or nothing the speed box takes
    return ratio;
}

} // namespace layerlens::ui
