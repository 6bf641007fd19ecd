#include "main_window.h"

#include "issues/issues_panel.h"
#include "model/layer_table_model.h"
#include "summary_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
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
    , m_batch(new QSpinBox)
    , m_showFolded(new QCheckBox(tr("Show folded nodes")))
    , m_filter(new QLineEdit)
    , m_summary(new SummaryPanel)
    , m_issues(new IssuesPanel)
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
    connect(m_issues, &IssuesPanel::locationActivated, this, &MainWindow::selectNode);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1280, 800);
    updateTitle();
    statusBar()->showMessage(tr("Drop an ONNX file on the window, or use File > Open."));
}

MainWindow::~MainWindow()
{
    m_watcher.waitForFinished();
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
    file->addAction(tr("Open &Sample Network"), this, [this] { openNetwork(sampleNetworkPath()); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QToolBar *bar = addToolBar(tr("Parameters"));
    bar->setObjectName(QStringLiteral("parametersToolBar"));
    bar->addAction(open);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Batch size ")));
    m_batch->setRange(1, 65536);
    m_batch->setValue(1);
    m_batch->setToolTip(tr("Value of the inputs' symbolic batch dimension"));
    bar->addWidget(m_batch);
    bar->addSeparator();
    bar->addWidget(m_showFolded);
    bar->addSeparator();
    m_filter->setPlaceholderText(tr("Filter layers (name, op, shape...)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(320);
    bar->addWidget(m_filter);

    connect(m_batch, &QSpinBox::valueChanged, this, [this] {
        if (!m_pendingPath.isEmpty())
            startLoad();
    });
    connect(m_showFolded, &QCheckBox::toggled, m_layerModel, &LayerTableModel::setShowFolded);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
}

void MainWindow::createDocks()
{
    auto *summaryDock = new QDockWidget(tr("Summary"), this);
    summaryDock->setObjectName(QStringLiteral("summaryDock"));
    summaryDock->setWidget(m_summary);
    addDockWidget(Qt::RightDockWidgetArea, summaryDock);

    auto *issuesDock = new QDockWidget(tr("Issues"), this);
    issuesDock->setObjectName(QStringLiteral("issuesDock"));
    issuesDock->setWidget(m_issues);
    addDockWidget(Qt::BottomDockWidgetArea, issuesDock);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(summaryDock->toggleViewAction());
    view->addAction(issuesDock->toggleViewAction());
    resizeDocks({issuesDock}, {140}, Qt::Vertical);
    resizeDocks({summaryDock}, {300}, Qt::Horizontal);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LayerLens"), this, [this] {
        QMessageBox::about(this, tr("About LayerLens"),
                           tr("<b>LayerLens %1</b><p>Per-layer cost of deep-learning "
                              "inference: shapes, MACs, FLOPs, parameters and memory of every "
                              "layer of an ONNX network.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setBatchSize(int batch)
{
    m_batch->setValue(batch);
}

void MainWindow::openNetwork(const QString &path)
{
    m_pendingPath = path;
    startLoad();
}

void MainWindow::startLoad()
{
    if (m_watcher.isRunning()) {
        m_reloadQueued = true; // the newest request wins once this one ends
        return;
    }
    core::LoadOptions options;
    options.batch = m_batch->value();
    options.keepWeightData = false;
    const QString path = m_pendingPath;
    statusBar()->showMessage(tr("Analysing %1...").arg(QFileInfo(path).fileName()));
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
    m_network = result;
    m_layerModel->setNetwork(m_network);
    m_table->resizeColumnsToContents();
    m_summary->setNetwork(m_network);
    m_issues->setIssues(m_network.analysis.issues);
    updateTitle();
    statusBar()->showMessage(tr("%1: %2 layers, batch %3")
                                 .arg(QFileInfo(m_network.graph->path).fileName())
                                 .arg(m_network.analysis.totals.layers)
                                 .arg(m_batch->value()));
    Q_EMIT networkLoaded();
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

} // namespace layerlens::ui
